package net.weft.sleeve.cli;

import java.io.PrintWriter;

import net.weft.sleeve.host.weft.ContainerPlumbing;
import picocli.CommandLine.Command;

/** {@code weft reset}: removes the bridge, every vethwe* link and every weft-tap* link, nothing else. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Remove everything Weft created on this host: the 'weft' bridge, links named vethwe*"
                + " (and so the containers' ethwe) and TAP ports named weft-tap*.")
public final class ResetCommand extends PlumbingCommand {

    @Override
    int execute(ContainerPlumbing plumbing, PrintWriter out) {
        for (String name : plumbing.reset()) {
            out.println("removed " + name);
        }
        return EXIT_OK;
    }
}
