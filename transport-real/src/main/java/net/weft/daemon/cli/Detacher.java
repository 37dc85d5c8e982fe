package net.weft.daemon.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code weft launch --detach}: starts the same command line again without {@code --detach} as a background
 * process (in its own session when {@code setsid} exists) with its output appended to a log file, waits until
 * its {@code /status} answers, and prints the peer name. The password travels in the child's environment,
 * never on its command line.
 */
final class Detacher {

    /** How long to wait for the child's API to answer. */
    static final long START_TIMEOUT_MS = 60_000;
    /** How often to ask. */
    static final long POLL_INTERVAL_MS = 100;

    private final CommandSpec spec;
    private final String httpAddress;
    private final String logFile;
    private final String password;

    Detacher(CommandSpec spec, String httpAddress, String logFile, String password) {
        this.spec = spec;
        this.httpAddress = httpAddress;
        this.logFile = logFile;
        this.password = password;
    }

    int run() throws IOException, InterruptedException {
        ApiClient client = new ApiClient(httpAddress);
        if (answers(client)) {
            return fail("weft is already running at " + httpAddress);
        }
        Path log = Path.of(logFile != null ? logFile : System.getProperty("java.io.tmpdir") + File.separator
                + "weft-" + httpAddress.replaceAll("[^0-9A-Za-z.]", "_") + ".log");
        ProcessBuilder pb = new ProcessBuilder(command());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (!password.isEmpty()) {
            pb.environment().put("WEFT_PASSWORD", password);
        }
        Process child = pb.start();
        long deadline = System.nanoTime() + START_TIMEOUT_MS * 1_000_000L;
        while (System.nanoTime() - deadline < 0) {
            if (!child.isAlive() && !answers(client)) {
                return fail("weft exited with status " + child.exitValue() + "; see " + log);
            }
            try {
                ApiClient.Reply r = client.get("/status");
                if (r.ok()) {
                    spec.commandLine().getOut().println(nameIn(r.body()));
                    spec.commandLine().getOut().flush();
                    return 0;
                }
            } catch (IOException notYet) {
                Thread.sleep(POLL_INTERVAL_MS);
            }
        }
        return fail("weft did not answer at " + httpAddress + " within " + START_TIMEOUT_MS / 1000 + " s; see "
                + log);
    }

    /** The child's command line: same JVM, flags, class path and arguments, minus detaching and password. */
    private List<String> command() {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String main = System.getProperty("sun.java.command", "net.weft.cli.Main").split(" ")[0];
        if (main.endsWith(".jar")) {
            cmd.add("-jar");
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
        }
        cmd.add(main);
        cmd.addAll(childArguments(spec.root().commandLine().getParseResult().originalArgs()));
        return cmd;
    }

    /** The original arguments without {@code --detach} and without any password. */
    static List<String> childArguments(List<String> original) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            String a = original.get(i);
            if (a.equals("--detach") || a.startsWith("--password=")) {
                continue;
            }
            if (a.equals("--password")) {
                i++;
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /** The peer name from the status page's {@code Name: name(nick)} line. */
    static String nameIn(String status) {
        for (String line : status.split("\n")) {
            String t = line.trim();
            if (t.startsWith("Name: ")) {
                String v = t.substring("Name: ".length());
                int paren = v.indexOf('(');
                return paren >= 0 ? v.substring(0, paren) : v;
            }
        }
        return "";
    }

    private static boolean answers(ApiClient client) {
        try {
            client.get("/status");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println(message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
