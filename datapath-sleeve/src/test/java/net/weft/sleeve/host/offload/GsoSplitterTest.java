package net.weft.sleeve.host.offload;

import static net.weft.sleeve.host.offload.CollectingSink.ipId;
import static net.weft.sleeve.host.offload.CollectingSink.ipv6;
import static net.weft.sleeve.host.offload.CollectingSink.seq;
import static net.weft.sleeve.host.offload.CollectingSink.tcpFlags;
import static net.weft.sleeve.host.offload.TcpFrameBuilder.ACK;
import static net.weft.sleeve.host.offload.TcpFrameBuilder.CWR;
import static net.weft.sleeve.host.offload.TcpFrameBuilder.ECE;
import static net.weft.sleeve.host.offload.TcpFrameBuilder.FIN;
import static net.weft.sleeve.host.offload.TcpFrameBuilder.PSH;
import static net.weft.sleeve.host.offload.TcpFrameBuilder.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The splitter turns what an offload TAP read returns into wire frames a Weave peer accepts. */
class GsoSplitterTest {

    private final GsoSplitter splitter = new GsoSplitter();
    private final CollectingSink sink = new CollectingSink();

    @Test
    void a_plain_frame_without_flags_is_emitted_unchanged() {
        byte[] frame = new TcpFrameBuilder().frame(payload(100, 1));

        SplitOutcome outcome = splitter.split(TcpFrameBuilder.plainRead(frame), 0, frame.length + 10, sink);

        assertThat(outcome).isEqualTo(SplitOutcome.PASSED);
        assertThat(sink.frames).containsExactly(frame);
    }

    @Test
    void a_udp_frame_with_an_open_checksum_gets_the_checksum_the_kernel_left_to_us() {
        byte[] frame = udpFrame(payload(333, 5));
        byte[] seeded = frame.clone();
        int udp = 14 + 20;
        ByteBuffer.wrap(seeded).putShort(udp + 6, (short) pseudoSeed(seeded, 14 + 12, 8, 17, frame.length - udp));
        byte[] read = withHeader(seeded, VirtioNetHeader.FLAG_NEEDS_CSUM, udp, 6);

        SplitOutcome outcome = splitter.split(read, 0, read.length, sink);

        assertThat(outcome).isEqualTo(SplitOutcome.CHECKSUMMED);
        assertThat(sink.frames).hasSize(1);
        assertThat(ReferenceChecksum.transportValid(sink.frames.get(0))).isTrue();
        assertThat(sink.frames.get(0)).isEqualTo(frame);
    }

    @Test
    void an_ipv6_tcp_frame_with_an_open_checksum_is_completed_in_the_callers_buffer() {
        TcpFrameBuilder flow = new TcpFrameBuilder().ipv6(true).timestamps(1, 2);
        byte[] frame = flow.frame(payload(999, 3));
        int tcp = 14 + 40;
        byte[] seeded = frame.clone();
        ByteBuffer.wrap(seeded).putShort(tcp + 16, (short) pseudoSeed(seeded, 14 + 8, 32, 6, frame.length - tcp));
        byte[] read = withHeader(seeded, VirtioNetHeader.FLAG_NEEDS_CSUM, tcp, 16);

        assertThat(splitter.split(read, 0, read.length, sink)).isEqualTo(SplitOutcome.CHECKSUMMED);

        assertThat(sink.frames).containsExactly(frame);
        assertThat(Arrays.copyOfRange(read, 10, read.length)).isEqualTo(frame);
    }

    @Test
    void an_ipv4_super_frame_is_cut_into_mss_segments_with_ids_sequence_numbers_and_checksums_fixed() {
        TcpFrameBuilder flow = new TcpFrameBuilder().timestamps(100, 200);
        flow.flags = ACK | PSH | FIN;
        byte[] data = payload(10_500, 9);

        assertThat(splitter.split(flow.gsoRead(data, 1_000), 0, flow.gsoRead(data, 1_000).length, sink))
                .isEqualTo(SplitOutcome.SEGMENTED);

        assertThat(sink.frames).hasSize(11);
        for (int i = 0; i < 11; i++) {
            byte[] f = sink.frames.get(i);
            assertThat(f.length).isEqualTo(flow.headerBytes() + (i < 10 ? 1_000 : 500));
            assertThat(ReferenceChecksum.ipv4HeaderValid(f, 14)).as("IPv4 header checksum of %d", i).isTrue();
            assertThat(ReferenceChecksum.transportValid(f)).as("TCP checksum of %d", i).isTrue();
            assertThat(ipId(f)).isEqualTo(flow.ipId + i);
            assertThat(seq(f)).isEqualTo(flow.seq + 1_000L * i);
            assertThat(tcpFlags(f)).isEqualTo(i < 10 ? ACK : ACK | PSH | FIN);
        }
        assertThat(sink.payloads()).isEqualTo(data);
    }

    @Test
    void an_ecn_super_frame_keeps_cwr_on_the_first_segment_only_and_ece_on_all() {
        TcpFrameBuilder flow = new TcpFrameBuilder().ipv6(true);
        flow.flags = ACK | CWR | ECE;
        byte[] read = flow.gsoRead(payload(3_000, 1), 1_200);
        read[1] = (byte) (VirtioNetHeader.GSO_TCPV6 | VirtioNetHeader.GSO_ECN);

        assertThat(splitter.split(read, 0, read.length, sink)).isEqualTo(SplitOutcome.SEGMENTED);

        assertThat(sink.frames).extracting(CollectingSink::tcpFlags)
                .containsExactly(ACK | CWR | ECE, ACK | ECE, ACK | ECE);
        assertThat(sink.frames).allMatch(ReferenceChecksum::transportValid);
    }

    @Test
    void the_sequence_number_wraps_and_the_ipv4_id_wraps() {
        TcpFrameBuilder flow = new TcpFrameBuilder();
        flow.seq = 0xFFFF_FF00L;
        flow.ipId = 0xFFFF;
        byte[] read = flow.gsoRead(payload(1_000, 2), 500);

        splitter.split(read, 0, read.length, sink);

        assertThat(sink.frames).extracting(CollectingSink::seq).containsExactly(0xFFFF_FF00L, 0x0000_00F4L);
        assertThat(sink.frames).extracting(CollectingSink::ipId).containsExactly(0xFFFF, 0);
        assertThat(sink.frames).allMatch(f -> ReferenceChecksum.ipv4HeaderValid(f, 14));
    }

    @Test
    void the_header_length_the_kernel_reports_is_not_trusted() {
        TcpFrameBuilder flow = new TcpFrameBuilder();
        byte[] read = flow.gsoRead(payload(4_000, 4), 1_448);
        read[2] = (byte) 0xFF;
        read[3] = (byte) 0x7F;

        assertThat(splitter.split(read, 0, read.length, sink)).isEqualTo(SplitOutcome.SEGMENTED);

        assertThat(sink.payloads()).isEqualTo(payload(4_000, 4));
    }

    @Test
    void a_read_at_an_offset_in_a_larger_buffer_is_split_from_there() {
        TcpFrameBuilder flow = new TcpFrameBuilder();
        byte[] read = flow.gsoRead(payload(2_000, 6), 1_000);
        byte[] buffer = new byte[read.length + 50];
        System.arraycopy(read, 0, buffer, 17, read.length);

        assertThat(splitter.split(buffer, 17, read.length, sink)).isEqualTo(SplitOutcome.SEGMENTED);

        assertThat(sink.payloads()).isEqualTo(payload(2_000, 6));
    }

    @Test
    void super_frames_of_any_size_and_mss_split_into_valid_segments_that_rebuild_the_payload() {
        qt().withExamples(300).forAll(integers().between(1, 64_000), integers().between(1, 9_000), booleans().all(),
                booleans().all()).checkAssert((length, mss, v6, timestamps) -> {
                    TcpFrameBuilder flow = new TcpFrameBuilder().ipv6(v6);
                    if (timestamps) {
                        flow.timestamps(length, mss);
                    }
                    byte[] read = flow.gsoRead(payload(length, mss), mss);
                    CollectingSink out = new CollectingSink();
                    int segments = (length + mss - 1) / mss;

                    SplitOutcome outcome = splitter.split(read, 0, read.length, out);

                    if (segments > GsoSplitter.MAX_SEGMENTS) {
                        assertThat(outcome).isEqualTo(SplitOutcome.TOO_MANY_SEGMENTS);
                        assertThat(out.frames).isEmpty();
                        return;
                    }
                    assertThat(outcome).isEqualTo(SplitOutcome.SEGMENTED);
                    assertThat(out.frames).hasSize(segments);
                    assertThat(out.frames).allMatch(f -> f.length <= flow.headerBytes() + mss);
                    assertThat(out.frames).allMatch(ReferenceChecksum::transportValid);
                    assertThat(out.frames).allMatch(f -> ipv6(f) || ReferenceChecksum.ipv4HeaderValid(f, 14));
                    assertThat(out.payloads()).isEqualTo(payload(length, mss));
                });
    }

    @Test
    void random_bytes_behind_any_header_never_throw_and_a_rejection_emits_nothing() {
        qt().withExamples(2_000).forAll(integers().between(0, 400), integers().all(), integers().between(0, 5))
                .checkAssert((length, seed, type) -> {
                    byte[] read = new byte[length];
                    new Random(seed).nextBytes(read);
                    if (length > 1) {
                        read[1] = (byte) new int[] {0, 1, 3, 4, 0x81, 0x84}[type];
                    }
                    CollectingSink out = new CollectingSink();

                    SplitOutcome outcome = splitter.split(read, 0, length, out);

                    if (!outcome.emitted()) {
                        assertThat(out.frames).isEmpty();
                    }
                });
    }

    @Test
    void frames_truncated_at_every_length_are_rejected_or_split_without_exceptions() {
        TcpFrameBuilder flow = new TcpFrameBuilder().timestamps(5, 6);
        byte[] read = flow.gsoRead(payload(3_000, 8), 1_000);
        for (int length = 0; length < read.length; length++) {
            CollectingSink out = new CollectingSink();

            SplitOutcome outcome = splitter.split(read, 0, length, out);

            assertThat(outcome.emitted()).as("truncated to %d", length).isFalse();
            assertThat(out.frames).isEmpty();
        }
    }

    @Test
    void each_kind_of_malformed_super_frame_is_rejected_with_its_reason_and_nothing_emitted() {
        TcpFrameBuilder v4 = new TcpFrameBuilder();
        TcpFrameBuilder v6 = new TcpFrameBuilder().ipv6(true);
        byte[] data = payload(3_000, 1);
        assertRejected(v4.gsoRead(payload(10, 1), 4), r -> r[14 + 10] = 0x4F, SplitOutcome.BAD_IPV4_HEADER);
        assertRejected(v4.gsoRead(data, 1_000), r -> r[14 + 10 + 6] = 0x20, SplitOutcome.IP_FRAGMENT);
        assertRejected(v4.gsoRead(data, 1_000), r -> r[14 + 10 + 9] = 17, SplitOutcome.NOT_TCP);
        assertRejected(v6.gsoRead(data, 1_000), r -> r[14 + 10 + 6] = 0, SplitOutcome.NOT_TCP);
        assertRejected(v4.gsoRead(data, 1_000), r -> r[14 + 10 + 2] = (byte) 0xFF, SplitOutcome.BAD_IP_LENGTH);
        assertRejected(v6.gsoRead(data, 1_000), r -> r[14 + 10 + 4] = (byte) 0xFF, SplitOutcome.BAD_IP_LENGTH);
        assertRejected(v4.gsoRead(data, 1_000), r -> r[24 + 20 + 12] = 0x40, SplitOutcome.BAD_TCP_HEADER);
        assertRejected(v4.gsoRead(data, 1_000), r -> r[4] = r[5] = 0, SplitOutcome.ZERO_GSO_SIZE);
        assertRejected(v4.gsoRead(data, 1_000), r -> r[1] = VirtioNetHeader.GSO_UDP, SplitOutcome.UNSUPPORTED_GSO_TYPE);
        assertRejected(v4.gsoRead(data, 1_000), r -> r[1] = VirtioNetHeader.GSO_TCPV6, SplitOutcome.GSO_TYPE_MISMATCH);
        assertRejected(v4.gsoRead(data, 1_000), r -> r[22] = (byte) 0x88, SplitOutcome.NOT_IP);
        assertRejected(v4.gsoRead(new byte[0], 1_000), r -> { }, SplitOutcome.NO_PAYLOAD);
        assertRejected(v4.gsoRead(data, 10), r -> { }, SplitOutcome.TOO_MANY_SEGMENTS);
        byte[] frame = v4.frame(data);
        byte[] read = withHeader(frame, VirtioNetHeader.FLAG_NEEDS_CSUM, frame.length - 10, 9);
        assertRejected(read, r -> { }, SplitOutcome.BAD_CHECKSUM_RANGE);
    }

    private void assertRejected(byte[] read, java.util.function.Consumer<byte[]> damage, SplitOutcome expected) {
        damage.accept(read);
        CollectingSink out = new CollectingSink();

        SplitOutcome outcome = splitter.split(read, 0, read.length, out);

        assertThat(outcome).isEqualTo(expected);
        assertThat(outcome.emitted()).isFalse();
        assertThat(out.frames).isEmpty();
    }

    private static byte[] withHeader(byte[] frame, int flags, int csumStart, int csumOffset) {
        byte[] read = TcpFrameBuilder.plainRead(frame);
        VirtioNetHeader.write(read, 0, flags, VirtioNetHeader.GSO_NONE, 0, 0, csumStart, csumOffset);
        return read;
    }

    private static int pseudoSeed(byte[] f, int source, int addressBytes, int protocol, int length) {
        ByteBuffer p = ByteBuffer.allocate(addressBytes + 4);
        p.put(f, source, addressBytes).putShort((short) protocol).putShort((short) length);
        return ReferenceChecksum.onesComplementSum(p.array());
    }

    private static byte[] udpFrame(byte[] data) {
        int ipLength = 20 + 8 + data.length;
        ByteBuffer f = ByteBuffer.allocate(14 + ipLength).order(ByteOrder.BIG_ENDIAN);
        f.put(TcpFrameBuilder.DST_MAC).put(TcpFrameBuilder.SRC_MAC).putShort((short) 0x0800);
        f.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putInt(0).put((byte) 64).put((byte) 17)
                .putShort((short) 0).put(TcpFrameBuilder.SRC_V4).put(TcpFrameBuilder.DST_V4);
        f.putShort((short) 6784).putShort((short) 6784).putShort((short) (8 + data.length)).putShort((short) 0)
                .put(data);
        byte[] frame = f.array();
        ByteBuffer.wrap(frame).putShort(24, (short) ~ReferenceChecksum.onesComplementSum(
                Arrays.copyOfRange(frame, 14, 34)));
        int sum = ReferenceChecksum.onesComplementSum(concat(pseudo(frame, 8 + data.length),
                Arrays.copyOfRange(frame, 34, frame.length)));
        int checksum = ~sum & 0xFFFF;
        ByteBuffer.wrap(frame).putShort(34 + 6, (short) (checksum == 0 ? 0xFFFF : checksum));
        return frame;
    }

    private static byte[] pseudo(byte[] frame, int udpLength) {
        ByteBuffer p = ByteBuffer.allocate(12);
        p.put(frame, 26, 8).putShort((short) 17).putShort((short) udpLength);
        return p.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
