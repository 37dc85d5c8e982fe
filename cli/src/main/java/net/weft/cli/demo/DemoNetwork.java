package net.weft.cli.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The namespaces, links and processes of one demo run, all named {@code wd<4 random characters>...} so that
 * runs never collide, and all removed by {@link #close()} (processes first, by the handles this object holds,
 * then the namespaces, which takes their links, bridges and TAPs with them). Idempotent.
 */
final class DemoNetwork implements AutoCloseable {

    /** Longest time one command may take. */
    static final long COMMAND_TIMEOUT_S = 60;
    /** How long a stopped daemon gets to remove its TAP before it is killed. */
    static final long STOP_GRACE_S = 5;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int PREFIX_RANDOM_CHARACTERS = 4;

    /** The output and exit status of a finished command. */
    record Result(int status, String out) { }

    final String prefix;
    private final int nameBits;
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private int links;

    DemoNetwork() {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder("wd");
        for (int i = 0; i < PREFIX_RANDOM_CHARACTERS; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        prefix = sb.toString();
        nameBits = r.nextInt(1 << 24);
    }

    /**
     * A peer name for host {@code index} of this run: locally administered, random per run, so that the
     * three daemons (which share the machine's identity files) never choose the same name.
     */
    String peerName(int index) {
        return String.format("7a:%02x:%02x:%02x:00:%02x", nameBits >>> 16, (nameBits >>> 8) & 0xFF,
                nameBits & 0xFF, index);
    }

    /** Creates namespace {@code prefix + suffix} with loopback up; returns its name. */
    synchronized String namespace(String suffix) {
        String ns = prefix + suffix;
        must("ip", "netns", "add", ns);
        namespaces.add(ns);
        must("ip", "-n", ns, "link", "set", "lo", "up");
        return ns;
    }

    /** A veth pair between two namespaces with the given addresses, both ends up. */
    synchronized void link(String nsA, String cidrA, String nsB, String cidrB) {
        links++;
        String a = prefix + "a" + links;
        String b = prefix + "b" + links;
        must("ip", "link", "add", a, "type", "veth", "peer", "name", b);
        must("ip", "link", "set", a, "netns", nsA);
        must("ip", "link", "set", b, "netns", nsB);
        must("ip", "-n", nsA, "addr", "add", cidrA, "dev", a);
        must("ip", "-n", nsB, "addr", "add", cidrB, "dev", b);
        must("ip", "-n", nsA, "link", "set", a, "up");
        must("ip", "-n", nsB, "link", "set", b, "up");
    }

    /** Starts {@code command} inside {@code ns} in the background, output to {@code log}. */
    synchronized Process start(String ns, List<String> command, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        processes.add(p);
        return p;
    }

    /** Runs {@code command} inside {@code ns} and waits for it. */
    static Result exec(String ns, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(command);
        return run(cmd.toArray(new String[0]));
    }

    /** Runs a command and waits for it (at most {@link #COMMAND_TIMEOUT_S}). */
    static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** Stops every process started here (SIGTERM, then SIGKILL), then deletes every namespace. */
    @Override
    public synchronized void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(STOP_GRACE_S, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(STOP_GRACE_S, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        for (String ns : namespaces) {
            run("ip", "netns", "del", ns);
        }
        namespaces.clear();
    }

    private static void must(String... command) {
        Result r = run(command);
        if (r.status() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + r.out().trim());
        }
    }
}
