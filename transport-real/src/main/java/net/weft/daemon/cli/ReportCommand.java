package net.weft.daemon.cli;

import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code weft report}: the full JSON report. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Print the router's JSON report.")
public final class ReportCommand extends ApiVerb {

    @Override
    int run(ApiClient client) throws IOException {
        return print(client.get("/report"));
    }
}
