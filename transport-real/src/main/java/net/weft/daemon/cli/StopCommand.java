package net.weft.daemon.cli;

import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code weft stop}: asks the daemon to stop and waits until its API no longer answers. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the router.")
public final class StopCommand extends ApiVerb {

    /** How often to look whether the daemon is gone. */
    static final long POLL_INTERVAL_MS = 100;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long to wait for the daemon to exit (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    int run(ApiClient client) throws IOException {
        ApiClient.Reply reply = client.post("/stop", Map.of());
        if (!reply.ok()) {
            return print(reply);
        }
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() - deadline < 0) {
            try {
                client.get("/status");
            } catch (ApiClient.NotRunning gone) {
                return 0;
            } catch (IOException stillClosing) {
                err().flush(); // the daemon dropped our request while closing: look again after the pause
            }
            try {
                Thread.sleep(POLL_INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return FAILED;
            }
        }
        err().println("weft at " + api.address() + " did not stop within " + timeoutSeconds + " s");
        err().flush();
        return FAILED;
    }
}
