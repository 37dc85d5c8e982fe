package net.weft.sleeve.host.tap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.weft.sleeve.host.HostTools;
import net.weft.sleeve.host.netns.NetworkNamespace;
import net.weft.sleeve.host.offload.GroCoalescer;
import net.weft.sleeve.host.rtnl.Ipv4Prefix;
import net.weft.sleeve.host.weft.ContainerPlumbing;
import net.weft.sleeve.host.weft.WeftNames;

/**
 * Offload TAPs against the real kernel. Two containers sit on two bridges, each bridge with an offload TAP;
 * a test relay is the wire between the TAPs. A TCP stream from one container to the other must arrive
 * intact while the kernel hands the relay super-frames and the relay puts only wire-sized frames with valid
 * checksums on the wire. Root only.
 */
class TapOffloadTest {

    private static final int MTU = 1376;
    private static final Ipv4Prefix SENDER = Ipv4Prefix.of("10.47.30.2/24");
    private static final Ipv4Prefix RECEIVER = Ipv4Prefix.of("10.47.30.3/24");
    private static final String SENDER_V6 = "fd47:30::2";
    private static final String RECEIVER_V6 = "fd47:30::3";
    private static final int PORT = 40_123;
    private static final int STREAM_BYTES = 1 << 20;
    /** Guards so that a broken path fails the test instead of hanging it. */
    private static final int GUARD_MS = 30_000;

    private final String senderBridge = HostTools.uniqueName("wfb");
    private final String receiverBridge = HostTools.uniqueName("wfb");
    private String senderNs;
    private String receiverNs;

    @BeforeEach
    void requireRoot() {
        HostTools.assumeRootWithIp();
    }

    @AfterEach
    void cleanUp() {
        for (String ns : new String[] {senderNs, receiverNs}) {
            if (ns != null) {
                HostTools.deleteLink(WeftNames.hostEnd(NetworkNamespace.named(ns)));
                HostTools.deleteNamespace(ns);
            }
        }
        HostTools.deleteLink(senderBridge);
        HostTools.deleteLink(receiverBridge);
    }

    @Test
    void the_kernel_hands_an_offload_tap_tcp_super_frames_that_split_into_valid_wire_frames() throws Exception {
        NetworkNamespace sender = attach(senderBridge, SENDER, true);
        NetworkNamespace receiver = attach(receiverBridge, RECEIVER, false);
        try (TapDevice senderTap = TapDevice.openOnBridge(HostTools.uniqueName("wft"), senderBridge, MTU, true);
             TapDevice receiverTap = TapDevice.openOnBridge(HostTools.uniqueName("wft"), receiverBridge, MTU, true)) {
            assertThat(senderTap.offload()).isTrue();
            assertThat(HostTools.checked("ip", "link", "show", senderTap.name())).contains("master " + senderBridge);
            TapRelay forward = new TapRelay(senderTap, MTU, TapRelay.plainWrites(receiverTap));
            TapRelay backward = new TapRelay(receiverTap, MTU, TapRelay.plainWrites(senderTap));

            byte[] received = streamThrough(sender, receiver, RECEIVER.addressText(), forward, backward);

            assertThat(forward.firstProblem.get()).isNull();
            assertThat(backward.firstProblem.get()).isNull();
            assertThat(received).isEqualTo(data());
            assertThat(forward.superFrameReads).as("TCP super-frames read").isPositive();
            assertThat(forward.tcpWireFrames).as("wire frames relayed").isGreaterThan(STREAM_BYTES / MTU);
            System.out.printf("offload TAP: %d reads (%d super-frames, %d open checksums) became %d wire frames%n",
                    forward.reads, forward.superFrameReads, forward.openChecksumReads, forward.wireFrames);
        }
    }

    @Test
    void coalesced_super_frames_written_into_an_offload_tap_deliver_a_tcp_stream_intact() throws Exception {
        coalescedStream(RECEIVER.addressText(), false);
    }

    @Test
    void ipv6_super_frames_are_split_and_coalesced_as_well() throws Exception {
        coalescedStream(RECEIVER_V6, true);
    }

    private void coalescedStream(String receiverAddress, boolean ipv6) throws Exception {
        NetworkNamespace sender = attach(senderBridge, SENDER, true);
        NetworkNamespace receiver = attach(receiverBridge, RECEIVER, false);
        if (ipv6) {
            HostTools.checked("ip", "-n", senderNs, "addr", "add", SENDER_V6 + "/64", "dev", "ethwe", "nodad");
            HostTools.checked("ip", "-n", receiverNs, "addr", "add", RECEIVER_V6 + "/64", "dev", "ethwe", "nodad");
        }
        try (TapDevice senderTap = TapDevice.openOnBridge(HostTools.uniqueName("wft"), senderBridge, MTU, true);
             TapDevice receiverTap = TapDevice.openOnBridge(HostTools.uniqueName("wft"), receiverBridge, MTU, true)) {
            TapWriter writer = new TapWriter(receiverTap);
            GroCoalescer coalescer = new GroCoalescer(writer);
            TapRelay forward = new TapRelay(senderTap, MTU, coalescing(coalescer));
            TapRelay backward = new TapRelay(receiverTap, MTU, TapRelay.plainWrites(senderTap));

            byte[] received = streamThrough(sender, receiver, receiverAddress, forward, backward);

            assertThat(forward.firstProblem.get()).isNull();
            assertThat(backward.firstProblem.get()).isNull();
            assertThat(received).isEqualTo(data());
            assertThat(forward.superFrameReads).as("TCP super-frames read").isPositive();
            assertThat(coalescer.superFrames()).as("super-frames written").isPositive();
            assertThat(writer.failures()).as("writes the kernel refused").isZero();
            assertThat(tcpCounter(receiver, "InCsumErrors")).isZero();
            System.out.printf("offload TAP (%s): %d wire frames went in as %d super-frames of %d segments; "
                    + "sender retransmitted %d segments%n", ipv6 ? "IPv6" : "IPv4", forward.tcpWireFrames,
                    coalescer.superFrames(), coalescer.segmentsMerged(), tcpCounter(sender, "RetransSegs"));
        }
    }

    @Test
    void a_tap_opened_without_offload_says_so() {
        try (TapDevice tap = TapDevice.open(HostTools.uniqueName("wft"))) {
            assertThat(tap.offload()).isFalse();
            assertThat(tap.maxReadBytes()).isEqualTo(TapDevice.MAX_FRAME_BYTES);
        }
    }

    /** Runs both relays while the sender's container streams {@link #data()} to the receiver's. */
    private byte[] streamThrough(NetworkNamespace sender, NetworkNamespace receiver, String receiverAddress,
            TapRelay forward, TapRelay backward) throws Exception {
        Thread f = new Thread(forward, "relay-forward");
        Thread b = new Thread(backward, "relay-backward");
        f.start();
        b.start();
        try (ServerSocket server = receiver.callInside(() -> listen(receiverAddress))) {
            server.setSoTimeout(GUARD_MS);
            CompletableFuture<byte[]> got = CompletableFuture.supplyAsync(() -> acceptAndRead(server));
            try (Socket client = sender.callInside(() -> connect(receiverAddress))) {
                client.getOutputStream().write(data());
                client.shutdownOutput();
                return got.get(GUARD_MS, TimeUnit.MILLISECONDS);
            }
        } finally {
            forward.stop();
            backward.stop();
            f.join();
            b.join();
        }
    }

    private NetworkNamespace attach(String bridge, Ipv4Prefix address, boolean first) {
        String name = HostTools.createNamespace();
        if (first) {
            senderNs = name;
        } else {
            receiverNs = name;
        }
        NetworkNamespace ns = NetworkNamespace.named(name);
        new ContainerPlumbing(bridge).attach(ns, address, MTU, Optional.empty());
        return ns;
    }

    private static TapRelay.Injector coalescing(GroCoalescer coalescer) {
        return new TapRelay.Injector() {
            @Override
            public void wireFrame(byte[] buf, int off, int len) {
                coalescer.add(buf, off, len);
            }

            @Override
            public void endOfBurst() {
                coalescer.flush();
            }
        };
    }

    /** A counter of the "Tcp:" lines of {@code /proc/net/snmp} inside {@code ns}. */
    private static long tcpCounter(NetworkNamespace ns, String name) {
        String[] lines = HostTools.checked("ip", "netns", "exec", ns.label(), "cat", "/proc/net/snmp").split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].startsWith("Tcp:") && lines[i + 1].startsWith("Tcp:")) {
                List<String> names = List.of(lines[i].trim().split("\\s+"));
                return Long.parseLong(lines[i + 1].trim().split("\\s+")[names.indexOf(name)]);
            }
        }
        throw new AssertionError("no Tcp counters in /proc/net/snmp");
    }

    static byte[] data() {
        byte[] d = new byte[STREAM_BYTES];
        new Random(42).nextBytes(d);
        return d;
    }

    private static ServerSocket listen(String address) {
        try {
            return new ServerSocket(PORT, 1, java.net.InetAddress.getByName(address));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Socket connect(String address) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(address, PORT), GUARD_MS);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] acceptAndRead(ServerSocket server) {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
            s.setSoTimeout(GUARD_MS);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
