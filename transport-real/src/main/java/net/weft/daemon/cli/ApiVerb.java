package net.weft.daemon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A verb that talks to a running daemon over its control API. Turns "nothing listening" into a one-line error
 * and exit code 1; an HTTP error prints the daemon's message and exits 1 as well.
 */
abstract class ApiVerb implements Callable<Integer> {

    /** Exit code when the daemon refused the request or is not running. */
    static final int FAILED = 1;

    @Mixin
    HttpAddressOption api;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            return run(api.client());
        } catch (IOException e) {
            err().println(e.getMessage());
            err().flush();
            return FAILED;
        }
    }

    /** Does the work; returns the exit code. */
    abstract int run(ApiClient client) throws IOException;

    /** Prints a reply: the body to stdout when it succeeded, else to stderr with exit code 1. */
    int print(ApiClient.Reply reply) {
        if (reply.ok()) {
            out().print(reply.body());
            out().flush();
            return 0;
        }
        err().print(reply.body().isEmpty() ? "HTTP " + reply.status() + "\n" : reply.body());
        err().flush();
        return FAILED;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
