package net.weft.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code weft} command line. Each verb lives in the module that owns its capability (the simulator
 * in scenarios/, the daemon in transport-real/); this class only assembles them.
 */
@Command(name = "weft", mixinStandardHelpOptions = true, version = "weft 0.1.0",
        description = "Mesh overlay network router for containers (Weave Net protocol v2).",
        subcommands = {CommandLine.HelpCommand.class, net.weft.viz.VizCommand.class})
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The assembled command line, for tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }
}
