package net.weft.sleeve.cli;

import java.io.PrintWriter;

import net.weft.sleeve.host.rtnl.Ipv4Prefix;
import net.weft.sleeve.host.weft.ContainerPlumbing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code weft expose CIDR}: gives the host an address on the Weft network (on the bridge). */
@Command(name = "expose", mixinStandardHelpOptions = true,
        description = "Give the host an address on the Weft network by adding it to the 'weft' bridge.")
public final class ExposeCommand extends PlumbingCommand {

    @Parameters(index = "0", paramLabel = "CIDR", description = "Host address, e.g. 10.32.0.1/12.")
    String cidr;

    @Override
    int execute(ContainerPlumbing plumbing, PrintWriter out) {
        Ipv4Prefix address = cidr(cidr);
        boolean added = plumbing.expose(address);
        out.println((added ? "exposed " : "already exposed ") + address + " on " + plumbing.bridgeName());
        return EXIT_OK;
    }
}
