package net.weft.sleeve.host.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import net.weft.sleeve.host.netns.NetworkNamespace;
import net.weft.sleeve.host.offload.FrameSink;
import net.weft.sleeve.host.offload.GroCoalescer;
import net.weft.sleeve.host.offload.GsoSplitter;
import net.weft.sleeve.host.offload.VirtioNetHeader;
import net.weft.sleeve.host.rtnl.Ipv4Prefix;
import net.weft.sleeve.host.rtnl.Rtnetlink;
import net.weft.sleeve.host.tap.TapDevice;
import net.weft.sleeve.host.tap.TapWriter;
import net.weft.sleeve.host.weft.ContainerPlumbing;

/**
 * TCP throughput through a user-space wire between two TAPs, with and without offloads: two network
 * namespaces on two bridges, each bridge with a TAP, one relay thread per direction copying what one TAP
 * reads into the other. Modes: {@code plain} (no virtio header, one read and one write per frame),
 * {@code split} (offload TAPs, super-frames read and split into wire frames, one write per frame) and
 * {@code split+coalesce} (wire frames merged back with a {@link GroCoalescer}, one write per run). A Java
 * socket in one namespace sends to one in the other; reported is the payload rate.
 *
 * <p>Run as root with {@code datapath-sleeve/bench/offload-relay.sh [megabytes]}.
 */
public final class OffloadRelayBenchmark {

    private static final int MTU = 1376;
    private static final int PORT = 40_321;
    private static final int DEFAULT_MEGABYTES = 256;
    private static final int CHUNK_BYTES = 1 << 16;
    private static final int POLL_MS = 50;
    private static final int MAX_BURST = 64;
    private static final Ipv4Prefix SENDER = Ipv4Prefix.of("10.47.31.2/24");
    private static final Ipv4Prefix RECEIVER = Ipv4Prefix.of("10.47.31.3/24");

    private enum Mode { PLAIN, SPLIT, COALESCE }

    private OffloadRelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_MEGABYTES;
        String suffix = Long.toString(ProcessHandle.current().pid() % 100_000, 36);
        String nsA = "wfrbA" + suffix;
        String nsB = "wfrbB" + suffix;
        String bridgeA = "wfrbrA" + suffix;
        String bridgeB = "wfrbrB" + suffix;
        try {
            run("ip", "netns", "add", nsA);
            run("ip", "netns", "add", nsB);
            NetworkNamespace a = NetworkNamespace.named(nsA);
            NetworkNamespace b = NetworkNamespace.named(nsB);
            new ContainerPlumbing(bridgeA).attach(a, SENDER, MTU, Optional.empty());
            new ContainerPlumbing(bridgeB).attach(b, RECEIVER, MTU, Optional.empty());
            System.out.printf("%-16s %10s %12s%n", "mode", "MiB", "Gbit/s");
            for (Mode mode : new Mode[] {Mode.PLAIN, Mode.SPLIT, Mode.COALESCE, Mode.PLAIN, Mode.SPLIT,
                    Mode.COALESCE}) {
                double seconds = measure(mode, a, b, bridgeA, bridgeB, suffix, megabytes);
                System.out.printf(Locale.ROOT, "%-16s %10d %12.2f%n", mode.name().toLowerCase(Locale.ROOT),
                        megabytes, megabytes * 8.0 * (1 << 20) / seconds / 1e9);
            }
        } finally {
            try (Rtnetlink host = Rtnetlink.openHost()) {
                host.deleteLink(bridgeA);
                host.deleteLink(bridgeB);
            }
            run("ip", "netns", "delete", nsA);
            run("ip", "netns", "delete", nsB);
        }
    }

    private static double measure(Mode mode, NetworkNamespace a, NetworkNamespace b, String bridgeA, String bridgeB,
            String suffix, int megabytes) throws Exception {
        boolean offload = mode != Mode.PLAIN;
        try (TapDevice tapA = TapDevice.openOnBridge("wfrtA" + suffix, bridgeA, MTU, offload);
             TapDevice tapB = TapDevice.openOnBridge("wfrtB" + suffix, bridgeB, MTU, offload)) {
            Relay forward = new Relay(tapA, tapB, mode);
            Relay backward = new Relay(tapB, tapA, mode);
            Thread f = new Thread(forward, "relay-forward");
            Thread r = new Thread(backward, "relay-backward");
            f.start();
            r.start();
            try (ServerSocket server = b.callInside(() -> listen(RECEIVER.addressText()))) {
                CompletableFuture<Long> got = CompletableFuture.supplyAsync(() -> drain(server));
                long start = System.nanoTime();
                try (Socket client = a.callInside(() -> connect(RECEIVER.addressText()))) {
                    OutputStream out = client.getOutputStream();
                    byte[] chunk = new byte[CHUNK_BYTES];
                    for (long sent = 0; sent < (long) megabytes << 20; sent += CHUNK_BYTES) {
                        out.write(chunk);
                    }
                    client.shutdownOutput();
                    got.get();
                }
                return (System.nanoTime() - start) / 1e9;
            } finally {
                forward.running = false;
                backward.running = false;
                f.join();
                r.join();
            }
        }
    }

    /** One direction of the wire. */
    private static final class Relay implements Runnable {
        private final TapDevice from;
        private final TapDevice to;
        private final Mode mode;
        private final ByteBuffer in = ByteBuffer.allocateDirect(GsoSplitter.MAX_READ_BYTES);
        private final ByteBuffer out = ByteBuffer.allocateDirect(GsoSplitter.MAX_READ_BYTES);
        private final byte[] read = new byte[GsoSplitter.MAX_READ_BYTES];
        private final byte[] header = new byte[VirtioNetHeader.BYTES];
        private final GsoSplitter splitter = new GsoSplitter();
        private final GroCoalescer coalescer;
        private final FrameSink sink;
        volatile boolean running = true;

        Relay(TapDevice from, TapDevice to, Mode mode) {
            this.from = from;
            this.to = to;
            this.mode = mode;
            this.coalescer = new GroCoalescer(new TapWriter(to));
            this.sink = mode == Mode.COALESCE ? coalescer::add : this::writePlain;
        }

        @Override
        public void run() {
            while (running) {
                in.clear();
                int n = from.readFrame(in, POLL_MS);
                for (int count = 0; n > 0; ) {
                    relay(n);
                    in.clear();
                    n = ++count < MAX_BURST ? from.readFrame(in, 0) : 0;
                }
                if (mode == Mode.COALESCE) {
                    coalescer.flush();
                }
            }
        }

        private void relay(int n) {
            in.flip();
            if (mode == Mode.PLAIN) {
                to.writeFrame(in);
                return;
            }
            in.get(read, 0, n);
            splitter.split(read, 0, n, sink);
        }

        private void writePlain(byte[] buf, int off, int len) {
            out.clear();
            out.put(header).put(buf, off, len).flip();
            to.writeFrame(out);
        }
    }

    private static ServerSocket listen(String address) {
        try {
            return new ServerSocket(PORT, 1, InetAddress.getByName(address));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Socket connect(String address) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(address, PORT));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long drain(ServerSocket server) {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
            byte[] buf = new byte[CHUNK_BYTES];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
