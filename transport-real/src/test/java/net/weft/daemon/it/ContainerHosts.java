package net.weft.daemon.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Containers for the data-path tests: a namespace attached to a host namespace's {@code weft} bridge through a
 * veth pair whose container end is {@code ethwe} (what {@code weft attach} does, done here with {@code ip} so
 * the test depends only on the daemon under test), plus child JVMs running {@link NetProbe} inside containers.
 */
final class ContainerHosts {

    /** Longest time a probe JVM may run. */
    static final long PROBE_TIMEOUT_S = 90;

    private ContainerHosts() {
    }

    /** Waits for the daemon in {@code hostNs} to create its bridge, then attaches {@code containerNs}. */
    static void attach(Netns net, String hostNs, String containerNs, String cidr, int mtu, String tag)
            throws InterruptedException {
        DaemonProcess.await(() -> Netns.exec(hostNs, List.of("ip", "link", "show", "weft")).status(),
                s -> s == 0, 30_000, "the weft bridge in " + hostNs);
        String hostEnd = net.prefix + "v" + tag;
        String peerEnd = net.prefix + "w" + tag;
        must("ip", "link", "add", hostEnd, "mtu", String.valueOf(mtu), "type", "veth", "peer", "name", peerEnd,
                "mtu", String.valueOf(mtu));
        must("ip", "link", "set", hostEnd, "netns", hostNs);
        must("ip", "link", "set", peerEnd, "netns", containerNs);
        must("ip", "-n", hostNs, "link", "set", hostEnd, "master", "weft", "up");
        must("ip", "-n", containerNs, "link", "set", peerEnd, "name", "ethwe");
        must("ip", "-n", containerNs, "addr", "add", cidr, "dev", "ethwe");
        must("ip", "-n", containerNs, "link", "set", "ethwe", "up");
    }

    /** Sets the MTU of a container's {@code ethwe} and of its host end. */
    static void setMtu(Netns net, String hostNs, String containerNs, String tag, int mtu) {
        must("ip", "-n", hostNs, "link", "set", net.prefix + "v" + tag, "mtu", String.valueOf(mtu));
        must("ip", "-n", containerNs, "link", "set", "ethwe", "mtu", String.valueOf(mtu));
    }

    /** {@code ping} from a container; returns its output and status. */
    static Netns.Result ping(String containerNs, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ping", "-n"));
        cmd.addAll(List.of(args));
        return Netns.exec(containerNs, cmd);
    }

    /** Runs {@link NetProbe} in {@code ns} and waits for it. */
    static Netns.Result probe(String ns, String... args) {
        return Netns.exec(ns, probeCommand(args));
    }

    /** Starts {@link NetProbe} in {@code ns} and returns once it printed {@code listening}. */
    static Background startProbe(String ns, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(probeCommand(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (!"listening".equals(first)) {
            p.destroyForcibly();
            throw new IllegalStateException("probe did not start: " + first);
        }
        return new Background(p, out);
    }

    /** Sends one UDP datagram with the given bytes from {@code ns} to {@code ip:port} (bash's /dev/udp). */
    static void sendDatagram(String ns, String ip, int port, byte[] bytes) throws IOException {
        Path file = Files.createTempFile("weft-datagram", ".bin");
        try {
            Files.write(file, bytes);
            Netns.Result r = Netns.exec(ns, List.of("bash", "-c", "cat \"$1\" > /dev/udp/" + ip + "/" + port,
                    "send", file.toString()));
            if (r.status() != 0) {
                throw new IllegalStateException("cannot send a datagram: " + r.out());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A probe running in the background. */
    record Background(Process process, BufferedReader out) {
        /** Waits for it to finish and returns the rest of its output. */
        String finish() throws IOException, InterruptedException {
            StringBuilder sb = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null) {
                sb.append(line).append('\n');
            }
            if (!process.waitFor(PROBE_TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return sb.toString();
        }
    }

    private static List<String> probeCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(DaemonProcess.JVM_FLAGS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(NetProbe.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void must(String... command) {
        Netns.Result r = Netns.run(command);
        if (r.status() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + r.out());
        }
    }
}
