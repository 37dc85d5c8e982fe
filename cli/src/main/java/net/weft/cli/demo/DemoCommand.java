package net.weft.cli.demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft demo}: three hosts, three containers, a relayed path; see the package documentation. Needs
 * root, iproute2 and ping; uses iperf3 when installed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a three-host Weft network in network namespaces (root), show it working, remove it.")
public final class DemoCommand implements Callable<Integer> {

    /** Longest wait for the mesh to carry c1 -> c3. */
    static final long CONVERGE_TIMEOUT_MS = 90_000;
    /** Pause between convergence probes. */
    static final long POLL_MS = 300;
    static final String C1_IP = "10.32.0.1";
    static final String C2_IP = "10.32.0.2";
    static final String C3_IP = "10.32.0.3";
    static final int THROUGHPUT_PORT = 5201;

    @Option(names = "--seconds", defaultValue = "3", description = "Length of the throughput run (default: 3).")
    int seconds;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!"root".equals(System.getProperty("user.name"))) {
            err.println("weft demo: must run as root (it creates network namespaces)");
            return 1;
        }
        DemoNetwork net = new DemoNetwork();
        Thread hook = new Thread(net::close, "weft-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run(net);
            return 0;
        } catch (IllegalStateException e) {
            err.println("weft demo: " + e.getMessage());
            return 1;
        } finally {
            say("removing namespaces " + net.prefix + "*");
            net.close();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private void run(DemoNetwork net) throws Exception {
        Path logs = Files.createTempDirectory("weft-demo-");
        say("namespaces " + net.prefix + "*: hosts h1, h2, h3 (h1 and h3 cannot reach each other), "
                + "containers c1, c2, c3; logs in " + logs);
        String h1 = net.namespace("h1");
        String h2 = net.namespace("h2");
        String h3 = net.namespace("h3");
        net.link(h1, "10.220.1.1/24", h2, "10.220.1.2/24");
        net.link(h2, "10.220.2.2/24", h3, "10.220.2.3/24");
        net.start(h2, weft("launch", "--name", net.peerName(2), "--nickname", "h2"), logs.resolve("h2.log"));
        net.start(h1, weft("launch", "--name", net.peerName(1), "--nickname", "h1", "10.220.1.2"),
                logs.resolve("h1.log"));
        net.start(h3, weft("launch", "--name", net.peerName(3), "--nickname", "h3", "10.220.2.2"),
                logs.resolve("h3.log"));
        attach(net, h1, "c1", C1_IP);
        attach(net, h2, "c2", C2_IP);
        attach(net, h3, "c3", C3_IP);
        String c1 = net.prefix + "c1";
        long startNs = System.nanoTime();
        awaitPing(c1, C3_IP);
        say(String.format("c1 reaches c3 through h2 %.1f s after the containers were attached",
                (System.nanoTime() - startNs) / 1e9));
        say("weft status (on h1):");
        out.println(DemoNetwork.exec(h1, weft("status")).out());
        say("ping c1 -> c3 (relayed by h2): " + pingSummary(c1, C3_IP));
        say("ping c1 -> c2 (direct):        " + pingSummary(c1, C2_IP));
        say("TCP c1 -> c3 (relayed): " + throughput(net, c1, net.prefix + "c3", C3_IP, logs));
        say("TCP c1 -> c2 (direct):  " + throughput(net, c1, net.prefix + "c2", C2_IP, logs));
    }

    private void attach(DemoNetwork net, String host, String container, String ip) throws InterruptedException {
        String ns = net.namespace(container);
        long deadline = System.nanoTime() + CONVERGE_TIMEOUT_MS * 1_000_000L;
        while (DemoNetwork.exec(host, List.of("ip", "link", "show", "weft")).status() != 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the daemon in " + host + " did not create its bridge");
            }
            Thread.sleep(POLL_MS);
        }
        DemoNetwork.Result r = DemoNetwork.exec(host, weft("attach", ip + "/24", ns));
        if (r.status() != 0) {
            throw new IllegalStateException("weft attach " + ip + " " + ns + " failed: " + r.out().trim());
        }
        say("attached " + container + " (" + ip + ") to " + host + "'s bridge");
    }

    private void awaitPing(String from, String ip) throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGE_TIMEOUT_MS * 1_000_000L;
        while (DemoNetwork.exec(from, List.of("ping", "-c", "1", "-W", "1", ip)).status() != 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no answer from " + ip + " after " + CONVERGE_TIMEOUT_MS + " ms");
            }
            Thread.sleep(POLL_MS);
        }
    }

    private static String pingSummary(String from, String ip) {
        String text = DemoNetwork.exec(from, List.of("ping", "-n", "-q", "-c", "10", "-i", "0.1", ip)).out();
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.contains("packet loss") || line.startsWith("rtt")) {
                sb.append(sb.length() == 0 ? "" : "; ").append(line.trim());
            }
        }
        return sb.toString();
    }

    private String throughput(DemoNetwork net, String client, String server, String ip, Path logs)
            throws Exception {
        if (DemoNetwork.run("sh", "-c", "command -v iperf3").status() == 0) {
            net.start(server, List.of("iperf3", "-s", "-1", "-B", ip), logs.resolve("iperf3-" + server + ".log"));
            Thread.sleep(POLL_MS * 2);
            String text = DemoNetwork.exec(client, List.of("iperf3", "-c", ip, "-t", String.valueOf(seconds)))
                    .out();
            for (String line : text.split("\n")) {
                if (line.contains("receiver")) {
                    return "iperf3: " + line.replaceAll("\\s+", " ").trim();
                }
            }
            return "iperf3 failed: " + text.trim();
        }
        List<String> serve = java(TcpThroughputProbe.class.getName(), "server", String.valueOf(THROUGHPUT_PORT));
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", server));
        cmd.addAll(serve);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = r.readLine();
            if (!"listening".equals(first)) {
                return "throughput probe did not start: " + first;
            }
            return "Java probe: " + DemoNetwork.exec(client, java(TcpThroughputProbe.class.getName(), "client", ip,
                    String.valueOf(THROUGHPUT_PORT), String.valueOf(seconds))).out().trim();
        } finally {
            p.destroyForcibly();
        }
    }

    /** This JVM's way to run a {@code weft} verb as a child process. */
    private static List<String> weft(String... args) {
        List<String> cmd = java("net.weft.cli.Main");
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void say(String line) {
        out.println("weft demo: " + line);
        out.flush();
    }
}
