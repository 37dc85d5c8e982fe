package net.weft.sleeve.host;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Test-side helpers that use the {@code ip} command to create and inspect what the product made
 * through netlink. Namespaces and links get a random 4-character suffix ({@code wfp1a2b}) so that
 * concurrent runs never collide; every test deletes what it created in a {@code finally}.
 */
public final class HostTools {

    private static final Random NAMES = new Random();
    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SUFFIX_LENGTH = 4;

    private HostTools() {
    }

    /** Skips the test unless it runs as root on Linux with the {@code ip} command (as CI does). */
    public static void assumeRootWithIp() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "Linux only");
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root (CAP_NET_ADMIN)");
        assumeTrue(run("ip", "-V").exitCode() == 0, "needs the ip command");
    }

    /** A fresh name such as {@code wfp1a2b}. */
    public static String uniqueName(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            sb.append(SUFFIX_ALPHABET.charAt(NAMES.nextInt(SUFFIX_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Creates a named network namespace with {@code ip netns add}; returns its name. */
    public static String createNamespace() {
        String name = uniqueName("wfp");
        checked("ip", "netns", "add", name);
        checked("ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    /** Deletes a named namespace if it exists (never fails). */
    public static void deleteNamespace(String name) {
        if (name != null) {
            run("ip", "netns", "delete", name);
        }
    }

    /** Deletes a host link if it exists (never fails). */
    public static void deleteLink(String name) {
        if (name != null) {
            run("ip", "link", "delete", name);
        }
    }

    /** Runs a command that must succeed and returns its output. */
    public static String checked(String... command) {
        Result r = run(command);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + r.exitCode() + "): " + r.output());
        }
        return r.output();
    }

    /** Runs a command and returns its exit code and combined output. */
    public static Result run(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }

    /** A finished command. */
    public record Result(int exitCode, String output) {
    }
}
