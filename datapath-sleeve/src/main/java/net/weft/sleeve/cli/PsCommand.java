package net.weft.sleeve.cli;

import java.io.PrintWriter;

import net.weft.sleeve.host.weft.Attachment;
import net.weft.sleeve.host.weft.ContainerPlumbing;
import picocli.CommandLine.Command;

/** {@code weft ps}: one line per attached container, {@code NETNS|PID MAC CIDR...}. */
@Command(name = "ps", mixinStandardHelpOptions = true,
        description = "List the containers attached to the Weft bridge with their MAC and addresses.")
public final class PsCommand extends PlumbingCommand {

    @Override
    int execute(ContainerPlumbing plumbing, PrintWriter out) {
        for (Attachment a : plumbing.list()) {
            out.println(Format.attachment(a));
        }
        return EXIT_OK;
    }
}
