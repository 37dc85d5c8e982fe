package net.weft.sleeve.host.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * One thread sends while another receives, each with its own batch, on one socket pair: every one of
 * 100,000 numbered datagrams arrives exactly once. The sender keeps no more datagrams unreceived than the
 * receive buffer the kernel granted surely holds, so that no queue, however small the host's limits, can
 * overflow: a loss would then be a bug in the socket, not the kernel dropping on a full queue.
 */
class UdpConcurrentExchangeTest {

    private static final int DATAGRAMS = 100_000;
    private static final int BATCH = 32;
    private static final int DATAGRAM_BYTES = 64;
    /** Most datagrams in flight; big enough that the sender rarely waits for the receiver. */
    private static final int MAX_WINDOW = 2048;
    /** Receive-buffer bytes charged per in-flight 64-byte datagram, with margin (the skb's truesize). */
    private static final int BUFFER_BYTES_PER_DATAGRAM = 2048;
    /** A receive that waits this long without anything arriving means the exchange is stuck. */
    private static final int STALL_MS = 5_000;

    @Test
    void a_sender_thread_and_a_receiver_thread_exchange_100k_datagrams_without_loss_or_duplicates()
            throws Exception {
        try (UdpSocket sender = UdpSocket.bind(UdpSocketTest.loopback4());
             UdpSocket receiver = UdpSocket.bind(UdpSocketTest.loopback4())) {
            AtomicInteger received = new AtomicInteger();
            UdpAddress destination = UdpSocketTest.to(receiver);
            int window = Math.min(MAX_WINDOW, receiver.receiveBufferBytes() / BUFFER_BYTES_PER_DATAGRAM);
            assertThat(window).as("window from a %d-byte receive buffer", receiver.receiveBufferBytes())
                    .isGreaterThanOrEqualTo(BATCH);
            CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(
                    () -> sendAll(sender, destination, received, window));

            Arrivals arrivals = receiveAll(receiver, received);

            assertThat(sending.get(30, TimeUnit.SECONDS)).isEqualTo(DATAGRAMS);
            assertThat(received.get()).isEqualTo(DATAGRAMS);
            assertThat(arrivals.seen().cardinality()).as("distinct numbers received").isEqualTo(DATAGRAMS);
            assertThat(arrivals.duplicates()).isZero();
            assertThat(arrivals.wrongSizes()).isZero();
            assertThat(sender.sendFailures()).isZero();
        }
    }

    private static int sendAll(UdpSocket socket, UdpAddress to, AtomicInteger received, int window) {
        byte[] payload = new byte[DATAGRAM_BYTES];
        ByteBuffer numbered = ByteBuffer.wrap(payload);
        int sent = 0;
        try (DatagramBatch out = new DatagramBatch(BATCH, DATAGRAM_BYTES)) {
            while (sent < DATAGRAMS) {
                if (sent - received.get() > window - BATCH) {
                    Thread.yield();
                    continue;
                }
                out.clear();
                for (int n = sent; n < Math.min(sent + BATCH, DATAGRAMS); n++) {
                    numbered.putInt(0, n);
                    out.add(to, payload, 0, payload.length);
                }
                sent += socket.send(out);
            }
        }
        return sent;
    }

    /** What the receiver saw: the numbers that arrived, how many arrived again, how many had a wrong size. */
    private record Arrivals(BitSet seen, int duplicates, int wrongSizes) {
    }

    /** Receives until all arrived or the exchange stalls (no assertion per datagram: it runs 100k times). */
    private static Arrivals receiveAll(UdpSocket socket, AtomicInteger received) {
        BitSet seen = new BitSet(DATAGRAMS);
        int duplicates = 0;
        int wrongSizes = 0;
        byte[] head = new byte[Integer.BYTES];
        try (DatagramBatch in = new DatagramBatch(BATCH, DATAGRAM_BYTES)) {
            int n;
            while (received.get() < DATAGRAMS && (n = socket.receive(in, STALL_MS)) > 0) {
                for (int i = 0; i < n; i++) {
                    wrongSizes += in.length(i) == DATAGRAM_BYTES ? 0 : 1;
                    in.copyOut(i, 0, head, 0, head.length);
                    int number = ByteBuffer.wrap(head).getInt();
                    duplicates += seen.get(number) ? 1 : 0;
                    seen.set(number);
                }
                received.addAndGet(n);
            }
        }
        return new Arrivals(seen, duplicates, wrongSizes);
    }
}
