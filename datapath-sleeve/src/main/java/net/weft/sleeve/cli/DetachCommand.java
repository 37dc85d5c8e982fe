package net.weft.sleeve.cli;

import java.io.PrintWriter;

import net.weft.sleeve.host.netns.NetworkNamespace;
import net.weft.sleeve.host.weft.ContainerPlumbing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code weft detach NETNS|PID}: removes a container's veth pair (and with it, its ethwe). */
@Command(name = "detach", mixinStandardHelpOptions = true,
        description = "Detach a container from the Weft network, removing its ethwe interface.")
public final class DetachCommand extends PlumbingCommand {

    @Parameters(index = "0", paramLabel = "NETNS|PID",
            description = "A named network namespace (/var/run/netns/NAME) or a container's process id.")
    String namespace;

    @Override
    int execute(ContainerPlumbing plumbing, PrintWriter out) {
        NetworkNamespace ns = NetworkNamespace.parse(namespace);
        out.println(plumbing.detach(ns) ? "detached " + ns.label() : ns.label() + " was not attached");
        return EXIT_OK;
    }
}
