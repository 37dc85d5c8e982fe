package net.weft.scenarios;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft sim FILE [--seed N] [--json] [--trace FILE]}: runs a scenario in the simulator, prints its
 * timeline (or a JSON report) and exits 0 when every expectation held, 1 when one failed, 2 when the
 * scenario itself is wrong.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run a scenario file in the discrete-event simulator with the real router.")
public final class SimCommand implements Callable<Integer> {

    /** Exit status when an expectation failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit status for a bad scenario file. */
    public static final int EXIT_BAD_SCENARIO = 2;
    /** Runs longer than this (wall) show a progress bar even when stderr is not a terminal. */
    static final long LONG_RUN_NS = 3_000_000_000L;
    private static final long PROGRESS_REDRAW_NS = 250_000_000L;
    private static final int BAR_WIDTH = 30;

    @Parameters(index = "0", paramLabel = "FILE", description = "scenario YAML file")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "seed (overrides the file's)")
    Long seed;

    @Option(names = "--json", description = "print a JSON report instead of the timeline")
    boolean json;

    @Option(names = "--trace", paramLabel = "FILE", description = "write the event trace, one line per event")
    Path trace;

    private final PrintStream out;
    private final PrintStream err;

    /** A command printing to the process's stdout and stderr. */
    public SimCommand() {
        this(System.out, System.err);
    }

    /** A command printing to the given streams (tests). */
    public SimCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        Scenario scenario;
        try {
            scenario = ScenarioParser.load(file);
        } catch (NoSuchFileException e) {
            err.println("weft sim: no such file: " + file);
            return EXIT_BAD_SCENARIO;
        } catch (ScenarioException e) {
            err.println("weft sim: " + e.getMessage());
            return EXIT_BAD_SCENARIO;
        }
        long runSeed = scenario.seedOr(seed);
        ScenarioRunner runner = new ScenarioRunner(scenario, runSeed).progress(new ProgressBar(err));
        ScenarioResult result;
        if (trace != null) {
            try (BufferedWriter w = Files.newBufferedWriter(trace, StandardCharsets.UTF_8)) {
                result = runner.trace(w).run();
            }
        } else {
            result = runner.run();
        }
        if (json) {
            out.print(Json.write(result.toJson()));
        } else {
            result.render().forEach(out::println);
        }
        if (!result.passed()) {
            err.println("weft sim: expectation failed (seed " + runSeed + "; replay: weft sim " + file + " --seed "
                    + runSeed + ")");
            return EXIT_FAILED;
        }
        return 0;
    }

    /** Draws progress on stderr when it is a terminal or once the run has taken long. */
    private static final class ProgressBar implements ScenarioRunner.Progress {
        private final PrintStream err;
        private final long startNs = System.nanoTime();
        private final boolean terminal = System.console() != null;
        private long lastDrawNs;
        private boolean drawn;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void at(long nowNs, long endNs, long events) {
            long wall = System.nanoTime();
            boolean done = nowNs >= endNs;
            if (!(terminal || wall - startNs > LONG_RUN_NS) || (!done && wall - lastDrawNs < PROGRESS_REDRAW_NS)) {
                return;
            }
            lastDrawNs = wall;
            int filled = (int) (BAR_WIDTH * nowNs / Math.max(1, endNs));
            err.printf("\r[%s%s] %3d%% t=%s events=%d", "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
                    100 * nowNs / Math.max(1, endNs), Durations.format(nowNs / 1_000_000 * 1_000_000), events);
            drawn = true;
            if (done && drawn) {
                err.println();
            }
        }
    }
}
