package net.weft.daemon.it;

import net.weft.daemon.cli.DaemonMain;
import net.weft.sleeve.cli.AttachCommand;
import net.weft.sleeve.cli.DetachCommand;
import net.weft.sleeve.cli.PsCommand;
import picocli.CommandLine;

/**
 * The {@code weft} command line as the integration tests run it: the daemon verbs of {@link DaemonMain} plus the
 * container plumbing verbs ({@code attach}, {@code detach}, {@code ps}), the same command classes that
 * {@code net.weft.cli.Main} assembles (the cli module itself depends on this one, so it is not on the test class
 * path). {@code weft attach CIDR NETNS} run through here is the product's attach, end to end.
 */
public final class WeftCli {

    private WeftCli() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        CommandLine cl = DaemonMain.commandLine();
        cl.addSubcommand(new AttachCommand());
        cl.addSubcommand(new DetachCommand());
        cl.addSubcommand(new PsCommand());
        System.exit(cl.execute(args));
    }
}
