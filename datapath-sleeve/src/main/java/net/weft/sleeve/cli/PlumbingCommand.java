package net.weft.sleeve.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.rtnl.Ipv4Prefix;
import net.weft.sleeve.host.weft.ContainerPlumbing;
import net.weft.sleeve.host.weft.WeftNames;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What the host plumbing commands share: the bridge they work on, output streams, and turning a
 * {@link HostNetworkException} into one line on stderr and exit status {@link #EXIT_FAILED}.
 */
abstract class PlumbingCommand implements Callable<Integer> {

    /** Exit status when the operation failed (the message says why). */
    static final int EXIT_FAILED = 1;
    /** Exit status on success. */
    static final int EXIT_OK = 0;

    @Spec
    CommandSpec spec;

    @Option(names = "--bridge", hidden = true, defaultValue = WeftNames.BRIDGE,
            description = "The bridge to use (for tests; Weft's is '" + WeftNames.BRIDGE + "').")
    String bridgeName;

    @Override
    public final Integer call() {
        try {
            return execute(new ContainerPlumbing(bridgeName), spec.commandLine().getOut());
        } catch (HostNetworkException e) {
            spec.commandLine().getErr().println("weft: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    /** Does the command's work; output goes to {@code out}. */
    abstract int execute(ContainerPlumbing plumbing, PrintWriter out);

    /** Parses a CIDR argument, reporting a usage error when malformed. */
    Ipv4Prefix cidr(String text) {
        return Ipv4Prefix.parse(text).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "not an IPv4 address with prefix length (a.b.c.d/n): " + text));
    }
}
