package net.weft.bench;

import net.weft.scenarios.SimCommand;
import picocli.CommandLine;

/**
 * Runs {@code weft sim} on one scenario and prints the wall time: how the benchmark script runs the
 * scenarios too large for CI (random-1000).
 */
public final class ScenarioTiming {

    private ScenarioTiming() {
    }

    /** {@code ScenarioTiming FILE [weft sim options]}. */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        int status = new CommandLine(new SimCommand()).execute(args);
        System.out.printf("weft sim %s: exit %d, %.1f s wall%n", String.join(" ", args), status,
                (System.nanoTime() - t0) / 1e9);
        System.exit(status);
    }
}
