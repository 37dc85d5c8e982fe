package net.weft.daemon.cli;

import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code weft status [peers|connections|targets]}: the daemon's status text. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the router's status, or its peers, connections or targets.")
public final class StatusCommand extends ApiVerb {

    /** The sections besides the summary. */
    static final List<String> SECTIONS = List.of("peers", "connections", "targets");

    @Parameters(arity = "0..1", paramLabel = "SECTION", description = "peers, connections or targets")
    String section;

    @Override
    int run(ApiClient client) throws IOException {
        if (section != null && !SECTIONS.contains(section)) {
            throw new ParameterException(spec.commandLine(), "unknown status section '" + section
                    + "': use one of " + String.join(", ", SECTIONS));
        }
        return print(client.get(section == null ? "/status" : "/status/" + section));
    }
}
