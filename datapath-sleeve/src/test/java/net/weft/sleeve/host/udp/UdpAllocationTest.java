package net.weft.sleeve.host.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

/**
 * The per-datagram path allocates nothing: after a warm-up, filling, sending, receiving and reading
 * thousands of batches leaves the thread's allocation counter where it was (JDK's
 * {@code com.sun.management.ThreadMXBean}, exact per thread).
 */
class UdpAllocationTest {

    private static final int BATCH = 32;
    private static final int ROUNDS = 1_000;
    private static final int WARMUP_ROUNDS = 1_000;
    private static final int DATAGRAM_BYTES = 100;

    @Test
    void adding_sending_receiving_and_copying_out_allocate_nothing_per_datagram() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (UdpSocket a = UdpSocket.bind(UdpSocketTest.loopback4());
             UdpSocket b = UdpSocket.bind(UdpSocketTest.loopback4());
             DatagramBatch out = new DatagramBatch(BATCH, DATAGRAM_BYTES);
             DatagramBatch in = new DatagramBatch(BATCH, DATAGRAM_BYTES)) {
            UdpAddress to = UdpSocketTest.to(b);
            byte[] payload = new byte[DATAGRAM_BYTES];
            byte[] copy = new byte[DATAGRAM_BYTES];
            exchange(a, b, out, in, to, payload, copy, WARMUP_ROUNDS);
            long id = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(id);

            long received = exchange(a, b, out, in, to, payload, copy, ROUNDS);

            long allocated = threads.getThreadAllocatedBytes(id) - before;
            assertThat(received).isEqualTo((long) ROUNDS * BATCH);
            assertThat(allocated).as("bytes allocated over %d batches (one object per batch would be 16 each)", ROUNDS)
                    .isLessThan(ROUNDS);
        }
    }

    private static long exchange(UdpSocket a, UdpSocket b, DatagramBatch out, DatagramBatch in, UdpAddress to,
                                 byte[] payload, byte[] copy, int rounds) {
        long received = 0;
        for (int r = 0; r < rounds; r++) {
            out.clear();
            for (int i = 0; i < BATCH; i++) {
                out.add(to, payload, 0, payload.length);
            }
            a.send(out);
            int got = 0;
            while (got < BATCH) {
                int n = b.receive(in, 1000);
                for (int i = 0; i < n; i++) {
                    in.copyOut(i, 0, copy, 0, in.length(i));
                }
                got += n;
            }
            received += got;
        }
        return received;
    }
}
