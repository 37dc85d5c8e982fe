package net.weft.cli;

import net.weft.cli.demo.DemoCommand;
import net.weft.daemon.cli.ConnectCommand;
import net.weft.daemon.cli.ForgetCommand;
import net.weft.daemon.cli.LaunchCommand;
import net.weft.daemon.cli.ReportCommand;
import net.weft.daemon.cli.StatusCommand;
import net.weft.daemon.cli.StopCommand;
import net.weft.sleeve.cli.AttachCommand;
import net.weft.sleeve.cli.DetachCommand;
import net.weft.sleeve.cli.ExposeCommand;
import net.weft.sleeve.cli.PsCommand;
import net.weft.sleeve.cli.ResetCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code weft} command line. Each verb lives in the module that owns its capability (the simulator
 * in scenarios/, the daemon in transport-real/); this class only assembles them.
 */
@Command(name = "weft", mixinStandardHelpOptions = true, version = "weft 0.1.0",
        description = "Mesh overlay network router for containers (Weave Net protocol v2).",
        subcommands = {
            LaunchCommand.class, StopCommand.class, ConnectCommand.class, ForgetCommand.class, StatusCommand.class,
            ReportCommand.class,
            AttachCommand.class, DetachCommand.class, PsCommand.class, ExposeCommand.class, ResetCommand.class,
            net.weft.scenarios.SimCommand.class, net.weft.viz.VizCommand.class, DemoCommand.class,
            CommandLine.HelpCommand.class})
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
