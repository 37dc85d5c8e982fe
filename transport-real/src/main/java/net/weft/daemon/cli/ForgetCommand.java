package net.weft.daemon.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code weft forget PEER...}: stops retrying direct targets. */
@Command(name = "forget", mixinStandardHelpOptions = true, description = "Stop connecting to these targets.")
public final class ForgetCommand extends ApiVerb {

    @Parameters(arity = "1..*", paramLabel = "PEER")
    List<String> peers;

    @Override
    int run(ApiClient client) throws IOException {
        return print(client.post("/forget", Map.of("peer", peers)));
    }
}
