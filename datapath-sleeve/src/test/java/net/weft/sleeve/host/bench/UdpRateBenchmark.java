package net.weft.sleeve.host.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;

import net.weft.sleeve.host.udp.DatagramBatch;
import net.weft.sleeve.host.udp.UdpAddress;
import net.weft.sleeve.host.udp.UdpSocket;

/**
 * Datagrams per second through {@link UdpSocket} on the IPv4 loopback, sending one {@code sendto} per
 * datagram against one {@code sendmmsg} per batch of {@link #BATCH}, in the same run so that the ratio is
 * meaningful on a noisy machine. One thread sends as fast as it can; another receives in batches (always
 * batched, so only the send side differs). Reported: datagrams sent and received per second, and the
 * batched/single ratio of received per second. Rounds alternate the two modes.
 *
 * <p>Run with {@code datapath-sleeve/bench/udp-rates.sh} (no root needed). Arguments: seconds per
 * measurement (default 2), rounds (default 2).
 */
public final class UdpRateBenchmark {

    private static final int BATCH = 32;
    private static final int[] DATAGRAM_SIZES = {64, 1400};
    private static final int MAX_BYTES = 1500;
    private static final int DEFAULT_SECONDS = 2;
    private static final int DEFAULT_ROUNDS = 2;
    private static final long WARMUP_MS = 500;
    private static final int RECEIVE_WAIT_MS = 50;

    private UdpRateBenchmark() {
    }

    /** Measures both modes per size and round, and prints a table. */
    public static void main(String[] args) throws InterruptedException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_SECONDS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROUNDS;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (UdpSocket sender = UdpSocket.bind(loopback); UdpSocket receiver = UdpSocket.bind(loopback)) {
            UdpAddress to = UdpAddress.of(receiver.localAddress());
            System.out.printf("%5s %5s %-22s %12s %12s %8s%n", "round", "bytes", "mode", "sent/s", "received/s",
                    "ratio");
            for (int round = 1; round <= rounds; round++) {
                for (int size : DATAGRAM_SIZES) {
                    double[] single = measure(sender, receiver, to, size, 1, seconds);
                    double[] batched = measure(sender, receiver, to, size, BATCH, seconds);
                    report(round, size, "sendTo one by one", single, "");
                    report(round, size, "send(batch of " + BATCH + ")", batched,
                            String.format(Locale.ROOT, "%.2fx", batched[1] / single[1]));
                }
            }
            System.out.printf("send failures (datagrams dropped by the kernel): %d%n", sender.sendFailures());
        }
    }

    private static void report(int round, int size, String mode, double[] rates, String ratio) {
        System.out.printf(Locale.ROOT, "%5d %5d %-22s %12.0f %12.0f %8s%n", round, size, mode, rates[0], rates[1],
                ratio);
    }

    /** Returns {datagrams sent per second, datagrams received per second} over the measured interval. */
    private static double[] measure(UdpSocket sender, UdpSocket receiver, UdpAddress to, int size, int batch,
                                    int seconds) throws InterruptedException {
        Counter sent = new Counter();
        Counter received = new Counter();
        Thread writer = new Thread(() -> send(sender, to, size, batch, sent), "bench-sender");
        Thread reader = new Thread(() -> receive(receiver, received), "bench-receiver");
        reader.start();
        writer.start();
        Thread.sleep(WARMUP_MS);
        long s0 = sent.count;
        long r0 = received.count;
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long elapsedNs = System.nanoTime() - t0;
        double sentPerSecond = (sent.count - s0) * 1e9 / elapsedNs;
        double receivedPerSecond = (received.count - r0) * 1e9 / elapsedNs;
        sent.stop = true;
        writer.join();
        received.stop = true;
        reader.join();
        return new double[] {sentPerSecond, receivedPerSecond};
    }

    private static void send(UdpSocket socket, UdpAddress to, int size, int batch, Counter sent) {
        byte[] payload = new byte[size];
        try (DatagramBatch out = new DatagramBatch(BATCH, MAX_BYTES)) {
            for (int i = 0; i < batch; i++) {
                out.add(to, payload, 0, size);
            }
            while (!sent.stop) {
                if (batch == 1) {
                    sent.count += socket.sendTo(to, payload, 0, size) ? 1 : 0;
                } else {
                    sent.count += socket.send(out);
                }
            }
        }
    }

    private static void receive(UdpSocket socket, Counter received) {
        try (DatagramBatch in = new DatagramBatch(BATCH, MAX_BYTES)) {
            while (!received.stop) {
                received.count += socket.receive(in, RECEIVE_WAIT_MS);
            }
        }
    }

    /** A count written by one thread and read by another (reads may lag a little, which is fine here). */
    private static final class Counter {
        private volatile long count;
        private volatile boolean stop;
    }
}
