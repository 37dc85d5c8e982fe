package net.weft.daemon.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces and veth links for end-to-end tests, all named with one unique prefix ({@code wft} and four
 * random characters) so concurrent runs never collide, and all removed by {@link #close()}, which also kills
 * whatever still runs inside them. Tests must check {@link #usable()} first (root and {@code ip} needed).
 */
final class Netns implements AutoCloseable {

    /** Longest time one {@code ip} command may take. */
    static final long COMMAND_TIMEOUT_S = 20;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    final String prefix;
    private final List<String> namespaces = new ArrayList<>();
    private int links;
    private final Thread cleanup = new Thread(this::close, "netns-cleanup");

    /** The output and exit status of a finished command. */
    record Result(int status, String out) { }

    Netns() {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder("wft");
        for (int i = 0; i < 4; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        prefix = sb.toString();
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** True when namespaces can be made here: running as root with {@code ip} installed. */
    static boolean usable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, "ip"))) {
                return true;
            }
        }
        return false;
    }

    /** Creates namespace {@code prefix + suffix} with its loopback up; returns its name. */
    String add(String suffix) {
        String ns = prefix + suffix;
        must("ip", "netns", "add", ns);
        namespaces.add(ns);
        must("ip", "-n", ns, "link", "set", "lo", "up");
        return ns;
    }

    /** A veth pair between two namespaces with the given addresses ({@code a.b.c.d/len}), both up. */
    void link(String nsA, String cidrA, String nsB, String cidrB) {
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

    /** Kills every process in the namespaces and deletes them (their veths go with them). Idempotent. */
    @Override
    public synchronized void close() {
        for (String ns : namespaces) {
            Result pids = run("ip", "netns", "pids", ns);
            for (String pid : pids.out().split("\\s+")) {
                if (!pid.isBlank()) {
                    run("kill", "-9", pid.trim());
                }
            }
            run("ip", "netns", "del", ns);
        }
        namespaces.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // Called from the hook itself.
        }
    }

    /** Runs a command inside {@code ns}. */
    static Result exec(String ns, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(command);
        return run(cmd.toArray(new String[0]));
    }

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

    private static void must(String... command) {
        Result r = run(command);
        if (r.status() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + r.out());
        }
    }
}
