package net.weft.daemon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The daemon verbs alone, as a command line: {@code java -cp ... net.weft.daemon.cli.DaemonMain launch ...}.
 * Tests and benchmarks use it where the full {@code net.weft.cli.Main} is not on the class path.
 */
@Command(name = "weft", mixinStandardHelpOptions = true, version = "weft 0.1.0",
        description = "The weft router daemon and its control verbs.")
public final class DaemonMain {

    private DaemonMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every daemon verb. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DaemonMain());
        for (Class<?> verb : DaemonCommands.all()) {
            cl.addSubcommand(verb);
        }
        return cl;
    }
}
