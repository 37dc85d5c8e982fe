package net.weft.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import net.weft.core.crypto.SecretBox;
import net.weft.core.crypto.SecretBoxEngine;
import net.weft.sleeve.host.sodium.Sodium;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Seal and open throughput of one reused secretbox, ours ({@link SecretBox}) against the BouncyCastle
 * composition it replaced ({@link BouncyCastleSecretBox}) and libsodium through the daemon's native engine
 * ({@link Sodium}, called through jnr-ffi exactly as the sleeve calls it), at a small (66-byte) and a full
 * (1400-byte) packet. Sealing takes a fresh nonce per call; opening authenticates and decrypts one pre-sealed
 * box into a separate buffer.
 *
 * <p>Run {@code java -cp weft-benchmarks.jar net.weft.benchmarks.SecretBoxBenchmark [JMH options]} to get
 * JMH's output followed by a table of ops/s and MB/s per implementation, size and operation, with the
 * ours/BouncyCastle and libsodium/ours ratios. The {@code sodium} rows need libsodium installed.
 *
 * <p>The mode is sampled time per operation, and the table's ops/s is one second over the <em>median</em>
 * sampled time: on a shared machine a process waits for the CPU for whole scheduler slices, which wrecks
 * wall-clock throughput but leaves most single microsecond-long operations untouched, so the median tracks
 * what one core does when it runs us.
 * Warm-up iterations default to 3 s: on a loaded 2-core machine C2 needs 4-6 s to compile the 16-block SIMD
 * batch and inline it into {@code sealInto}, and 1 s warm-ups measured the interpreter and C1 instead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 1)
public class SecretBoxBenchmark {

    /** Plaintext bytes per box. */
    @Param({"66", "1400"})
    public int size;

    /** Which implementation: {@code weft} (ours), {@code bc} (BouncyCastle composed), {@code sodium}. */
    @Param({"bc", "weft", "sodium"})
    public String impl;

    private static final int NONCE_COUNTER_OFFSET = 16;
    private static final double BYTES_PER_MB = 1e6;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double MEDIAN_PERCENTILE = 50.0;
    private static final byte[] ZERO_NONCE = new byte[SecretBox.NONCE_BYTES];

    private final byte[] key = new byte[SecretBox.KEY_BYTES];
    private final byte[] nonce = new byte[SecretBox.NONCE_BYTES];
    private SecretBoxEngine engine;
    private BouncyCastleSecretBox bc;
    private byte[] plaintext;
    private byte[] box;
    private byte[] sealed;
    private byte[] opened;
    private long counter;
    private boolean useBouncyCastle;

    @Setup
    public void setUp() {
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 1);
        }
        useBouncyCastle = "bc".equals(impl);
        engine = "sodium".equals(impl) ? Sodium.load().engines().orElseThrow(
                () -> new IllegalStateException(Sodium.load().detail())).create(key) : new SecretBox(key);
        bc = new BouncyCastleSecretBox(key);
        plaintext = new byte[size];
        for (int i = 0; i < size; i++) {
            plaintext[i] = (byte) i;
        }
        box = new byte[size + SecretBox.TAG_BYTES];
        sealed = SecretBox.seal(key, nonce, plaintext);
        opened = new byte[size];
    }

    /** Seal one box into a preallocated buffer under the next nonce. */
    @Benchmark
    public int seal() {
        counter++;
        for (int i = 0; i < Long.BYTES; i++) {
            nonce[NONCE_COUNTER_OFFSET + i] = (byte) (counter >>> (8 * i));
        }
        if (useBouncyCastle) {
            return bc.sealInto(nonce, plaintext, 0, size, box, 0);
        }
        return engine.sealInto(nonce, plaintext, 0, size, box, 0);
    }

    /** Authenticate and decrypt one box into a preallocated buffer. */
    @Benchmark
    public boolean open() {
        if (useBouncyCastle) {
            return bc.openInto(ZERO_NONCE, sealed, 0, sealed.length, opened, 0);
        }
        return engine.openInto(ZERO_NONCE, sealed, 0, sealed.length, opened, 0);
    }

    /** Runs the benchmark with the given JMH options and prints the comparison table. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(commandLine)
                .include(SecretBoxBenchmark.class.getName() + "\\.").build()).run();
        List<String> rows = new ArrayList<>();
        for (String operation : new String[] {"seal", "open"}) {
            for (String size : new String[] {"66", "1400"}) {
                double bcOps = NANOS_PER_SECOND / medianNs(results, operation, size, "bc");
                double weftOps = NANOS_PER_SECOND / medianNs(results, operation, size, "weft");
                double sodiumOps = NANOS_PER_SECOND / medianNs(results, operation, size, "sodium");
                double mb = Integer.parseInt(size) / BYTES_PER_MB;
                rows.add(String.format(Locale.ROOT,
                        "| %s | %s | %.0f | %.1f | %.0f | %.1f | %.0f | %.1f | %.2f | %.2f |", operation, size,
                        bcOps, bcOps * mb, weftOps, weftOps * mb, sodiumOps, sodiumOps * mb, weftOps / bcOps,
                        sodiumOps / weftOps));
            }
        }
        System.out.println();
        System.out.println("ops/s = 1e9 / median sampled ns per op");
        System.out.println("| op | bytes | BC ops/s | BC MB/s | Weft ops/s | Weft MB/s | libsodium ops/s "
                + "| libsodium MB/s | Weft/BC | libsodium/Weft |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private static double medianNs(Collection<RunResult> results, String operation, String size, String impl) {
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            if (label.endsWith("." + operation) && size.equals(result.getParams().getParam("size"))
                    && impl.equals(result.getParams().getParam("impl"))) {
                return result.getPrimaryResult().getStatistics().getPercentile(MEDIAN_PERCENTILE);
            }
        }
        return Double.NaN;
    }
}
