package net.weft.daemon.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A weft daemon running as a child JVM inside a network namespace ({@code ip netns exec NS java ... launch}),
 * with its log in a file, plus ways to talk to it from the outside: its HTTP API through a shell's
 * {@code /dev/tcp} inside the namespace (fast, for polling) and the real {@code weft} verbs as child JVMs
 * ({@link WeftCli}: the daemon verbs and the container plumbing verbs such as {@code attach}).
 */
final class DaemonProcess {

    /** JVM flags that keep each daemon small. */
    static final List<String> JVM_FLAGS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss512k");
    /** How often {@link #await} polls. */
    static final long POLL_INTERVAL_MS = 200;

    final String ns;
    final Path log;
    private final List<String> launchArgs;
    private Process process;

    private DaemonProcess(String ns, Path log, List<String> launchArgs) {
        this.ns = ns;
        this.log = log;
        this.launchArgs = List.copyOf(launchArgs);
    }

    /** Starts {@code weft launch args...} in {@code ns}, logging to {@code log}. */
    static DaemonProcess launch(String ns, Path log, String... args) throws IOException {
        DaemonProcess d = new DaemonProcess(ns, log, List.of(args));
        d.start();
        return d;
    }

    /** A handle that only runs verbs in {@code ns} (for daemons started by other means, e.g. detached). */
    static DaemonProcess verbsIn(String ns) {
        return new DaemonProcess(ns, Path.of("target", "it-logs", "verbs.log"), List.of());
    }

    /** Starts it (again) with the same arguments. */
    void start() throws IOException {
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(java());
        cmd.add("launch");
        cmd.addAll(launchArgs);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** SIGKILL, as a crash. */
    void kill9() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The log so far. */
    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** GETs {@code path} from the daemon's control API inside its namespace; null when it does not answer. */
    String http(String path) {
        Netns.Result r = Netns.exec(ns, List.of("bash", "-c",
                "exec 3<>/dev/tcp/127.0.0.1/6784 && printf 'GET %s HTTP/1.0\\r\\n\\r\\n' \"$1\" >&3 && cat <&3",
                "probe", path));
        if (r.status() != 0) {
            return null;
        }
        int body = r.out().indexOf("\r\n\r\n");
        if (!r.out().startsWith("HTTP/1.1 200") || body < 0) {
            return null;
        }
        return r.out().substring(body + 4);
    }

    /** Runs a {@code weft} verb inside the namespace as its own JVM, as a user would. */
    Netns.Result weft(String... args) {
        List<String> cmd = new ArrayList<>(java());
        cmd.addAll(List.of(args));
        return Netns.exec(ns, cmd);
    }

    /** Polls {@code probe} until {@code done} holds or {@code timeoutMs} passes; returns the last value. */
    static <T> T await(Supplier<T> probe, Predicate<T> done, long timeoutMs, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what
                        + "; last seen:\n" + last);
            }
            Thread.sleep(POLL_INTERVAL_MS);
            last = probe.get();
        }
        return last;
    }

    private static List<String> java() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(WeftCli.class.getName());
        return cmd;
    }
}
