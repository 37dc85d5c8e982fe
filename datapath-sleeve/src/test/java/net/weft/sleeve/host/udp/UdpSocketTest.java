package net.weft.sleeve.host.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import net.weft.sleeve.host.HostNetworkException;

/** Scenarios of the batched UDP socket on loopback (127.0.0.1 and ::1, ephemeral ports, no root needed). */
class UdpSocketTest {

    private static final int MAX_BYTES = 1500;
    private static final int BATCH = 32;
    /** Generous bound for "arrives" on loopback; the datagrams are normally there before receive is called. */
    private static final int ARRIVAL_TIMEOUT_MS = 2000;

    static InetSocketAddress loopback4() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    static InetSocketAddress loopback6() {
        return new InetSocketAddress("::1", 0);
    }

    static UdpAddress to(UdpSocket socket) {
        return UdpAddress.of(socket.localAddress());
    }

    /** Datagram {@code n}: {@code size} bytes, each derived from n and its position. */
    static byte[] datagram(int n, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (n * 31 + i);
        }
        return bytes;
    }

    /** Receives until {@code expected} datagrams arrived (or the arrival bound passes); returns copies. */
    static List<byte[]> receiveAll(UdpSocket socket, DatagramBatch batch, int expected) {
        List<byte[]> got = new ArrayList<>();
        while (got.size() < expected && socket.receive(batch, ARRIVAL_TIMEOUT_MS) > 0) {
            for (int i = 0; i < batch.count(); i++) {
                got.add(batch.bytes(i));
            }
        }
        return got;
    }

    @Test
    void a_batch_of_32_datagrams_of_every_size_from_empty_to_max_arrives_intact_and_names_its_sender() {
        try (UdpSocket a = UdpSocket.bind(loopback4()); UdpSocket b = UdpSocket.bind(loopback4());
             DatagramBatch out = new DatagramBatch(BATCH, MAX_BYTES);
             DatagramBatch in = new DatagramBatch(BATCH, MAX_BYTES)) {
            List<byte[]> sent = new ArrayList<>();
            for (int n = 0; n < BATCH; n++) {
                byte[] d = datagram(n, n * MAX_BYTES / (BATCH - 1));
                sent.add(d);
                assertThat(out.add(to(b), d, 0, d.length)).isTrue();
            }
            assertThat(sent.get(0)).isEmpty();
            assertThat(sent.get(BATCH - 1)).hasSize(MAX_BYTES);

            assertThat(a.send(out)).isEqualTo(BATCH);

            int received = b.receive(in, ARRIVAL_TIMEOUT_MS);
            assertThat(received).as("loopback delivers the whole batch before receive").isEqualTo(BATCH);
            for (int n = 0; n < BATCH; n++) {
                assertThat(in.length(n)).isEqualTo(sent.get(n).length);
                assertThat(in.bytes(n)).isEqualTo(sent.get(n));
                assertThat(in.truncated(n)).isFalse();
                assertThat(in.sender(n)).isEqualTo(a.localAddress());
                assertThat(in.senderAddress(n)).isEqualTo(to(a));
            }
            assertThat(a.sendFailures()).isZero();
            assertThat(out.count()).as("send clears nothing").isEqualTo(BATCH);
        }
    }

    @Test
    void copy_out_takes_a_slice_of_a_received_datagram_and_send_to_sends_a_slice_of_an_array() {
        try (UdpSocket a = UdpSocket.bind(loopback4()); UdpSocket b = UdpSocket.bind(loopback4());
             DatagramBatch in = new DatagramBatch(4, MAX_BYTES)) {
            byte[] payload = datagram(7, 100);

            assertThat(a.sendTo(to(b), payload, 10, 50)).isTrue();

            assertThat(b.receive(in, ARRIVAL_TIMEOUT_MS)).isEqualTo(1);
            assertThat(in.length(0)).isEqualTo(50);
            byte[] slice = new byte[20];
            in.copyOut(0, 5, slice, 0, 20);
            assertThat(slice).isEqualTo(Arrays.copyOfRange(payload, 15, 35));
            assertThatThrownBy(() -> in.copyOut(0, 40, slice, 0, 20)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> in.length(1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void receive_returns_zero_when_nothing_arrives_within_the_timeout_or_when_told_not_to_wait() {
        try (UdpSocket a = UdpSocket.bind(loopback4()); DatagramBatch in = new DatagramBatch(8, MAX_BYTES)) {
            assertThat(a.receive(in, 0)).isZero();
            assertThat(a.receive(in, 20)).isZero();
            assertThat(in.count()).isZero();
        }
    }

    @Test
    void a_datagram_longer_than_the_slot_is_cut_to_max_bytes_and_flagged_truncated() {
        try (UdpSocket a = UdpSocket.bind(loopback4()); UdpSocket b = UdpSocket.bind(loopback4());
             DatagramBatch in = new DatagramBatch(4, 100)) {
            byte[] big = datagram(3, 150);
            byte[] small = datagram(4, 100);
            a.sendTo(to(b), big, 0, big.length);
            a.sendTo(to(b), small, 0, small.length);

            List<byte[]> got = receiveAll(b, in, 2);

            assertThat(got).hasSize(2);
            assertThat(in.truncated(0)).isTrue();
            assertThat(in.bytes(0)).isEqualTo(Arrays.copyOf(big, 100));
            assertThat(in.truncated(1)).isFalse();
            assertThat(in.bytes(1)).isEqualTo(small);
        }
    }

    @Test
    void sending_to_a_closed_port_is_not_an_error_on_an_unconnected_socket() {
        try (UdpSocket a = UdpSocket.bind(loopback4()); DatagramBatch in = new DatagramBatch(4, MAX_BYTES)) {
            UdpAddress nobody;
            try (UdpSocket gone = UdpSocket.bind(loopback4())) {
                nobody = to(gone);
            }
            byte[] d = datagram(1, 10);

            assertThat(a.sendTo(nobody, d, 0, d.length)).isTrue();
            assertThat(a.sendTo(nobody, d, 0, d.length)).isTrue();
            assertThat(a.receive(in, 20)).as("no ICMP error surfaces").isZero();
            assertThat(a.sendFailures()).isZero();
        }
    }

    @Test
    void send_to_an_impossible_address_returns_false_and_counts_a_failure() {
        try (UdpSocket a = UdpSocket.bind(loopback4())) {
            byte[] d = datagram(1, 10);
            UdpAddress portZero = UdpAddress.of(new InetSocketAddress("0.0.0.0", 0));
            UdpAddress ipv6 = UdpAddress.of(new InetSocketAddress("::1", 6784));

            assertThat(a.sendTo(portZero, d, 0, d.length)).isFalse();
            assertThat(a.sendTo(ipv6, d, 0, d.length)).as("IPv6 destination on an IPv4 socket").isFalse();

            assertThat(a.sendFailures()).isEqualTo(2);
        }
    }

    @Test
    void a_refused_datagram_in_a_batch_is_skipped_and_counted_while_the_rest_still_arrive() {
        try (UdpSocket a = UdpSocket.bind(loopback4()); UdpSocket b = UdpSocket.bind(loopback4());
             DatagramBatch out = new DatagramBatch(8, MAX_BYTES);
             DatagramBatch in = new DatagramBatch(8, MAX_BYTES)) {
            UdpAddress bad = UdpAddress.of(new InetSocketAddress("::1", 6784));
            for (int n = 0; n < 6; n++) {
                byte[] d = datagram(n, 20 + n);
                out.add(n == 0 || n == 3 ? bad : to(b), d, 0, d.length);
            }

            assertThat(a.send(out)).isEqualTo(4);

            List<byte[]> got = receiveAll(b, in, 4);
            assertThat(got).containsExactly(datagram(1, 21), datagram(2, 22), datagram(4, 24), datagram(5, 25));
            assertThat(a.sendFailures()).isEqualTo(2);
        }
    }

    @Test
    void a_full_batch_refuses_more_and_a_datagram_over_max_bytes_is_refused() {
        try (DatagramBatch out = new DatagramBatch(2, 10)) {
            UdpAddress anywhere = UdpAddress.of(new InetSocketAddress("127.0.0.1", 6784));
            byte[] d = new byte[11];

            assertThat(out.add(anywhere, d, 0, 11)).as("longer than maxBytes").isFalse();
            assertThat(out.add(anywhere, d, 0, 10)).isTrue();
            assertThat(out.add(anywhere, d, 1, 10)).isTrue();
            assertThat(out.add(anywhere, d, 0, 1)).as("full").isFalse();
            assertThat(out.count()).isEqualTo(2);

            out.clear();
            assertThat(out.count()).isZero();
            assertThat(out.add(anywhere, d, 0, 1)).isTrue();
        }
    }

    @Test
    void ipv6_round_trip_on_the_loopback_both_batched_and_single() {
        try (UdpSocket a = UdpSocket.bind(loopback6()); UdpSocket b = UdpSocket.bind(loopback6());
             DatagramBatch out = new DatagramBatch(4, MAX_BYTES);
             DatagramBatch in = new DatagramBatch(4, MAX_BYTES)) {
            out.add(to(b), datagram(1, 100), 0, 100);
            out.add(to(b), datagram(2, 0), 0, 0);
            assertThat(a.send(out)).isEqualTo(2);
            assertThat(a.sendTo(to(b), datagram(3, MAX_BYTES), 0, MAX_BYTES)).isTrue();

            List<byte[]> got = receiveAll(b, in, 3);

            assertThat(got).containsExactly(datagram(1, 100), datagram(2, 0), datagram(3, MAX_BYTES));
            assertThat(in.sender(0)).isEqualTo(a.localAddress());
            assertThat(a.localAddress().getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        }
    }

    @Test
    void a_dual_stack_socket_exchanges_with_ipv4_peers_and_reports_them_as_ipv4() {
        try (UdpSocket dual = UdpSocket.bind(new InetSocketAddress("::", 0));
             UdpSocket v4 = UdpSocket.bind(loopback4());
             DatagramBatch in = new DatagramBatch(4, MAX_BYTES)) {
            UdpAddress dualOnLoopback = UdpAddress.of(new InetSocketAddress("127.0.0.1", dual.localPort()));
            assertThat(v4.sendTo(dualOnLoopback, datagram(1, 40), 0, 40)).isTrue();

            assertThat(dual.receive(in, ARRIVAL_TIMEOUT_MS)).isEqualTo(1);
            assertThat(in.sender(0).getAddress()).isInstanceOf(Inet4Address.class);
            assertThat(in.sender(0)).isEqualTo(v4.localAddress());

            assertThat(dual.sendTo(in.senderAddress(0), datagram(2, 40), 0, 40)).as("answer to an IPv4 peer").isTrue();
            assertThat(receiveAll(v4, in, 1)).containsExactly(datagram(2, 40));
        }
    }

    @Test
    void closing_the_socket_wakes_a_thread_waiting_in_receive_which_returns() throws Exception {
        UdpSocket socket = UdpSocket.bind(loopback4());
        try (DatagramBatch in = new DatagramBatch(4, MAX_BYTES)) {
            CountDownLatch aboutToWait = new CountDownLatch(1);
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                aboutToWait.countDown();
                return socket.receive(in, 600_000);
            });
            aboutToWait.await();
            Thread.sleep(50);

            socket.close();
            socket.close();

            assertThat(waiting.get(30, TimeUnit.SECONDS)).as("woken, not after its 10-minute timeout").isZero();
            assertThatThrownBy(() -> socket.receive(in, 0)).isInstanceOf(IllegalStateException.class);
            assertThat(socket.fd()).isEqualTo(-1);
        }
    }

    @Test
    void the_socket_buffers_are_as_large_as_the_host_allows_up_to_4_mib() throws Exception {
        long rmemMax = Long.parseLong(Files.readString(Path.of("/proc/sys/net/core/rmem_max")).trim());
        long wmemMax = Long.parseLong(Files.readString(Path.of("/proc/sys/net/core/wmem_max")).trim());
        try (UdpSocket a = UdpSocket.bind(loopback4())) {
            assertThat(a.receiveBufferBytes()).as("kernel reports twice what was granted")
                    .isGreaterThanOrEqualTo((int) (2 * Math.min(UdpSocket.SOCKET_BUFFER_BYTES, rmemMax)));
            assertThat(a.sendBufferBytes())
                    .isGreaterThanOrEqualTo((int) (2 * Math.min(UdpSocket.SOCKET_BUFFER_BYTES, wmemMax)));
        }
    }

    @Test
    void binding_a_port_already_taken_fails_with_a_message_naming_the_port() {
        try (UdpSocket first = UdpSocket.bind(loopback4())) {
            int port = first.localPort();
            assertThat(port).isPositive();

            assertThatThrownBy(() -> UdpSocket.bind(new InetSocketAddress("127.0.0.1", port)))
                    .isInstanceOf(HostNetworkException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("already in use")
                    .satisfies(e -> assertThat(((HostNetworkException) e).reason())
                            .isEqualTo(HostNetworkException.Reason.ALREADY_EXISTS));
        }
    }

    @Test
    void a_closed_batch_refuses_use_instead_of_touching_freed_memory() {
        DatagramBatch batch = new DatagramBatch(2, 10);
        batch.close();
        batch.close();

        assertThatThrownBy(batch::count).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> batch.add(UdpAddress.of(new InetSocketAddress("127.0.0.1", 1)), new byte[1], 0, 1))
                .isInstanceOf(IllegalStateException.class);
    }
}
