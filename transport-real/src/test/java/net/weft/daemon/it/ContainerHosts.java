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
import net.weft.sleeve.host.netns.NetworkNamespace;
import net.weft.sleeve.host.weft.WeftNames;

/**
 * Containers for the data-path tests: a namespace attached to a host namespace's {@code weft} bridge by the product's
 * own {@code weft attach} (a veth pair whose container end is {@code ethwe}), plus child JVMs running
 * {@link NetProbe} inside containers.
 */
final class ContainerHosts {

    /** Longest time a probe JVM may run. */
    static final long PROBE_TIMEOUT_S = 90;
    /** Longest wait for a freshly launched daemon to create its bridge. */
    static final long BRIDGE_WAIT_MS = 30_000;

    private ContainerHosts() {
    }

    /**
     * Waits for the daemon of {@code host} to create its bridge (so the bridge has the daemon's MAC and MTU), then
     * attaches {@code containerNs} with {@code weft attach --mtu MTU CIDR NETNS} run in the host's namespace.
     */
    static void attach(DaemonProcess host, String containerNs, String cidr, int mtu) throws InterruptedException {
        DaemonProcess.await(() -> Netns.exec(host.ns, List.of("ip", "link", "show", WeftNames.BRIDGE)).status(),
                s -> s == 0, BRIDGE_WAIT_MS, "the weft bridge in " + host.ns);
        Netns.Result attached = host.weft("attach", "--mtu", String.valueOf(mtu), cidr, containerNs);
        String expected = containerNs + " " + containerMac(containerNs) + " " + cidr + "\n";
        if (attached.status() != 0 || !attached.out().contains(expected)) {
            throw new IllegalStateException("weft attach " + cidr + " " + containerNs + " failed with status "
                    + attached.status() + ": " + attached.out());
        }
    }

    /** The host end of a container's veth pair, a port of the bridge: {@code vethwepl<id>}. */
    static String hostEnd(String containerNs) {
        return WeftNames.hostEnd(NetworkNamespace.named(containerNs));
    }

    /** The MAC {@code weft attach} gives a container's {@code ethwe}. */
    static String containerMac(String containerNs) {
        return WeftNames.containerMac(NetworkNamespace.named(containerNs)).toString();
    }

    /** Sets the MTU of a container's {@code ethwe} and of its host end. */
    static void setMtu(String hostNs, String containerNs, int mtu) {
        must("ip", "-n", hostNs, "link", "set", hostEnd(containerNs), "mtu", String.valueOf(mtu));
        must("ip", "-n", containerNs, "link", "set", WeftNames.CONTAINER_INTERFACE, "mtu", String.valueOf(mtu));
    }

    /** {@code ping} from a container; returns its output and status. */
    static Netns.Result ping(String containerNs, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ping", "-n"));
        cmd.addAll(List.of(args));
        return Netns.exec(containerNs, cmd);
    }

    /**
     * Starts {@code ping -n -D ARGS} from a container in the background, every line stamped with the Unix time;
     * {@link Background#interrupt} stops it.
     */
    static Background startPing(String containerNs, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", containerNs, "ping", "-n", "-D"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return new Background(p, new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8)));
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
        /** Interrupts it as Ctrl-C would (so a ping prints and flushes everything) and returns its output. */
        String interrupt() throws IOException, InterruptedException {
            Netns.run("kill", "-INT", String.valueOf(process.pid()));
            return finish();
        }

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
