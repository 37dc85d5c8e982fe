package net.weft.daemon.cli;

import java.util.List;

/** The daemon verbs, for registration in a picocli command line. */
public final class DaemonCommands {

    private DaemonCommands() {
    }

    /** launch, stop, connect, forget, status, report. */
    public static List<Class<?>> all() {
        return List.of(LaunchCommand.class, StopCommand.class, ConnectCommand.class, ForgetCommand.class,
                StatusCommand.class, ReportCommand.class);
    }
}
