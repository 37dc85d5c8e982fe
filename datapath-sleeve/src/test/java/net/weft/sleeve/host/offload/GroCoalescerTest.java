package net.weft.sleeve.host.offload;

import static net.weft.sleeve.host.offload.TcpFrameBuilder.ACK;
import static net.weft.sleeve.host.offload.TcpFrameBuilder.FIN;
import static net.weft.sleeve.host.offload.TcpFrameBuilder.PSH;
import static net.weft.sleeve.host.offload.TcpFrameBuilder.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The coalescer merges runs of a TCP flow into super-frames the kernel segments back into the same segments. */
class GroCoalescerTest {

    private final CollectingSink writes = new CollectingSink();
    private final GroCoalescer coalescer = new GroCoalescer(writes);

    @Test
    void consecutive_segments_of_a_flow_become_one_super_frame_that_splits_back_into_the_same_segments() {
        TcpFrameBuilder flow = new TcpFrameBuilder().timestamps(7, 8);
        List<byte[]> segments = segments(flow, 5, 1_000, 600, PSH);

        feed(segments);
        coalescer.flush();

        assertThat(writes.frames).hasSize(1);
        byte[] write = writes.frames.get(0);
        assertThat(VirtioNetHeader.gsoType(write, 0)).isEqualTo(VirtioNetHeader.GSO_TCPV4);
        assertThat(VirtioNetHeader.gsoSize(write, 0)).isEqualTo(1_000);
        assertThat(VirtioNetHeader.hdrLen(write, 0)).isEqualTo(flow.headerBytes());
        assertThat(VirtioNetHeader.flags(write, 0)).isEqualTo(VirtioNetHeader.FLAG_NEEDS_CSUM);
        assertThat(VirtioNetHeader.csumStart(write, 0)).isEqualTo(14 + 20);
        assertThat(VirtioNetHeader.csumOffset(write, 0)).isEqualTo(16);
        byte[] frame = Arrays.copyOfRange(write, 10, write.length);
        assertThat(frame.length).isEqualTo(flow.headerBytes() + 4_600);
        assertThat(ByteBuffer.wrap(frame).getShort(16) & 0xFFFF).isEqualTo(frame.length - 14);
        assertThat(ReferenceChecksum.ipv4HeaderValid(frame, 14)).isTrue();
        assertThat(CollectingSink.tcpFlags(frame)).isEqualTo(ACK | PSH);
        assertThat(coalescer.superFrames()).isEqualTo(1);
        assertThat(coalescer.segmentsMerged()).isEqualTo(5);
        assertThat(split(write)).containsExactlyElementsOf(segments);
    }

    @Test
    void an_ipv6_run_is_merged_with_the_ipv6_payload_length_fixed() {
        TcpFrameBuilder flow = new TcpFrameBuilder().ipv6(true);
        List<byte[]> segments = segments(flow, 3, 1_200, 1_200, 0);

        feed(segments);
        coalescer.flush();

        assertThat(writes.frames).hasSize(1);
        assertThat(VirtioNetHeader.gsoType(writes.frames.get(0), 0)).isEqualTo(VirtioNetHeader.GSO_TCPV6);
        assertThat(ByteBuffer.wrap(writes.frames.get(0)).getShort(10 + 14 + 4)).isEqualTo((short) (20 + 3_600));
        assertThat(split(writes.frames.get(0))).containsExactlyElementsOf(segments);
    }

    @Test
    void frames_that_are_not_tcp_data_pass_through_in_order_behind_a_zero_header() {
        TcpFrameBuilder flow = new TcpFrameBuilder();
        byte[] arp = Arrays.copyOf(new byte[] {-1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 9, 8, 6}, 60);
        byte[] pureAck = flow.frame(new byte[0]);
        flow.flags = ACK | FIN;
        byte[] fin = flow.frame(payload(10, 1));
        flow.flags = 0x02;
        byte[] syn = flow.frame(new byte[0]);
        List<byte[]> all = List.of(arp, pureAck, fin, syn);

        feed(all);
        coalescer.flush();

        assertThat(writes.frames).hasSize(4);
        for (int i = 0; i < 4; i++) {
            byte[] w = writes.frames.get(i);
            assertThat(Arrays.copyOf(w, 10)).isEqualTo(new byte[10]);
            assertThat(Arrays.copyOfRange(w, 10, w.length)).isEqualTo(all.get(i));
        }
        assertThat(coalescer.superFrames()).isZero();
    }

    @Test
    void a_gap_a_changed_ack_number_or_a_damaged_checksum_ends_the_run() {
        TcpFrameBuilder flow = new TcpFrameBuilder();
        List<byte[]> first = segments(flow, 3, 1_000, 1_000, 0);
        flow.seq += 3_000 + 1;
        List<byte[]> afterGap = segments(flow, 2, 1_000, 1_000, 0);
        flow.ack += 1;
        List<byte[]> newAck = segments(flow, 2, 1_000, 1_000, 0);
        byte[] damaged = segments(flow, 1, 1_000, 1_000, 0).get(0);
        damaged[damaged.length - 1] ^= 1;

        feed(first);
        feed(afterGap);
        feed(newAck);
        coalescer.add(damaged, 0, damaged.length);
        coalescer.flush();

        assertThat(writes.frames).hasSize(4);
        assertThat(split(writes.frames.get(0))).containsExactlyElementsOf(first);
        assertThat(split(writes.frames.get(1))).containsExactlyElementsOf(afterGap);
        assertThat(split(writes.frames.get(2))).containsExactlyElementsOf(newAck);
        assertThat(Arrays.copyOfRange(writes.frames.get(3), 10, writes.frames.get(3).length)).isEqualTo(damaged);
    }

    @Test
    void a_shorter_segment_or_psh_ends_the_run_and_another_flow_starts_its_own() {
        TcpFrameBuilder a = new TcpFrameBuilder();
        TcpFrameBuilder b = new TcpFrameBuilder();
        b.srcPort = 40_001;
        List<byte[]> aRun = segments(a, 3, 1_000, 500, 0);
        List<byte[]> aNext = segments(a, 2, 1_000, 1_000, 0);
        List<byte[]> bRun = segments(b, 2, 800, 800, 0);

        feed(aRun);
        feed(aNext);
        feed(bRun);
        coalescer.flush();

        assertThat(writes.frames).hasSize(3);
        assertThat(split(writes.frames.get(0))).containsExactlyElementsOf(aRun);
        assertThat(split(writes.frames.get(1))).containsExactlyElementsOf(aNext);
        assertThat(split(writes.frames.get(2))).containsExactlyElementsOf(bRun);
    }

    @Test
    void pure_acks_of_another_connection_and_arp_are_written_after_the_run_instead_of_ending_it() {
        TcpFrameBuilder data = new TcpFrameBuilder();
        TcpFrameBuilder other = new TcpFrameBuilder();
        other.srcPort = 5_201;
        other.dstPort = 40_002;
        byte[] ack1 = other.frame(new byte[0]);
        other.ack += 1_000;
        byte[] ack2 = other.frame(new byte[0]);
        byte[] arp = Arrays.copyOf(new byte[] {-1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 9, 8, 6}, 60);
        List<byte[]> run = segments(data, 4, 1_000, 1_000, 0);

        feed(List.of(run.get(0), ack1, run.get(1), arp, run.get(2), ack2, run.get(3)));
        coalescer.flush();

        assertThat(writes.frames).hasSize(4);
        assertThat(split(writes.frames.get(0))).containsExactlyElementsOf(run);
        assertThat(writes.frames.subList(1, 4)).extracting(w -> Arrays.copyOfRange(w, 10, w.length))
                .containsExactly(ack1, arp, ack2);
    }

    @Test
    void a_frame_of_the_same_connection_that_cannot_join_ends_the_run_so_the_connection_keeps_its_order() {
        TcpFrameBuilder flow = new TcpFrameBuilder();
        List<byte[]> first = segments(flow, 2, 1_000, 1_000, 0);
        byte[] windowUpdate = flow.frame(new byte[0]);
        List<byte[]> second = segments(flow, 2, 1_000, 1_000, 0);

        feed(first);
        coalescer.add(windowUpdate, 0, windowUpdate.length);
        feed(second);
        coalescer.flush();

        assertThat(writes.frames).hasSize(3);
        assertThat(split(writes.frames.get(0))).containsExactlyElementsOf(first);
        assertThat(Arrays.copyOfRange(writes.frames.get(1), 10, writes.frames.get(1).length)).isEqualTo(windowUpdate);
        assertThat(split(writes.frames.get(2))).containsExactlyElementsOf(second);
    }

    @Test
    void when_too_many_frames_wait_beside_a_run_the_run_ends_and_nothing_is_lost_or_reordered() {
        TcpFrameBuilder data = new TcpFrameBuilder();
        TcpFrameBuilder other = new TcpFrameBuilder();
        other.srcPort = 1;
        List<byte[]> run = segments(data, 2, 1_000, 1_000, 0);
        List<byte[]> input = new ArrayList<>();
        input.add(run.get(0));
        for (int i = 0; i <= GroCoalescer.MAX_ASIDE_FRAMES; i++) {
            other.ack = i;
            input.add(other.frame(new byte[0]));
        }
        input.add(run.get(1));

        feed(input);
        coalescer.flush();

        assertThat(writes.frames).extracting(w -> Arrays.copyOfRange(w, 10, w.length))
                .containsExactlyElementsOf(input);
    }

    @Test
    void runs_stop_at_the_segment_limit_and_at_a_64_kb_ip_packet() {
        TcpFrameBuilder small = new TcpFrameBuilder();
        feed(segments(small, 100, 100, 100, 0));
        TcpFrameBuilder large = new TcpFrameBuilder();
        large.srcPort = 1;
        feed(segments(large, 50, 1_400, 1_400, 0));
        coalescer.flush();

        assertThat(writes.frames).extracting(w -> VirtioNetHeader.gsoType(w, 0) == VirtioNetHeader.GSO_TCPV4)
                .containsOnly(true);
        assertThat(writes.frames).extracting(w -> (w.length - 10 - 54) / VirtioNetHeader.gsoSize(w, 0))
                .containsExactly(64, 36, 46, 4);
        assertThat(writes.frames).allMatch(w -> w.length - 10 <= GsoSplitter.MAX_SUPER_FRAME_BYTES);
    }

    @Test
    void a_full_arena_is_written_out_before_flush_in_order() {
        byte[] udpLike = Arrays.copyOf(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0}, 1_400);
        int count = GroCoalescer.ARENA_BYTES / 1_000;
        for (int i = 0; i < count; i++) {
            udpLike[20] = (byte) i;
            coalescer.add(udpLike, 0, udpLike.length);
        }
        assertThat(writes.frames).isNotEmpty();
        coalescer.flush();

        assertThat(writes.frames).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(writes.frames.get(i)[30]).isEqualTo((byte) i);
        }
    }

    @Test
    void a_sink_that_throws_loses_the_rest_of_the_burst_and_leaves_the_coalescer_empty_and_usable() {
        TcpFrameBuilder flow = new TcpFrameBuilder();
        byte[] arp = Arrays.copyOf(new byte[] {-1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 9, 8, 6}, 60);
        List<byte[]> next = segments(flow, 2, 500, 500, 0);
        boolean[] refused = {false};
        GroCoalescer gro = new GroCoalescer((buf, off, len) -> {
            if (!refused[0]) {
                refused[0] = true;
                throw new IllegalStateException("queue full");
            }
            writes.frame(buf, off, len);
        });
        gro.add(arp, 0, arp.length);
        gro.add(arp, 0, arp.length);

        org.assertj.core.api.Assertions.assertThatThrownBy(gro::flush).isInstanceOf(IllegalStateException.class);
        gro.flush();
        next.forEach(f -> gro.add(f, 0, f.length));
        gro.flush();

        assertThat(writes.frames).hasSize(1);
        assertThat(split(writes.frames.get(0))).containsExactlyElementsOf(next);
    }

    @Test
    void splitting_then_coalescing_any_super_frame_gives_back_its_payload_and_segments() {
        GsoSplitter splitter = new GsoSplitter();
        qt().withExamples(100).forAll(integers().between(1, 60_000), integers().between(500, 9_000), booleans().all(),
                booleans().all()).assuming((length, mss, v6, timestamps) -> (length + mss - 1) / mss
                        <= GsoSplitter.MAX_SEGMENTS).checkAssert((length, mss, v6, timestamps) -> {
                    TcpFrameBuilder flow = new TcpFrameBuilder().ipv6(v6);
                    if (timestamps) {
                        flow.timestamps(mss, length);
                    }
                    byte[] read = flow.gsoRead(payload(length, mss), mss);
                    CollectingSink segments = new CollectingSink();
                    splitter.split(read, 0, read.length, segments);
                    CollectingSink out = new CollectingSink();
                    GroCoalescer gro = new GroCoalescer(out);

                    segments.frames.forEach(s -> gro.add(s, 0, s.length));
                    gro.flush();

                    assertThat(out.frames).hasSize(1);
                    byte[] write = out.frames.get(0);
                    int expectedType = segments.frames.size() == 1 ? VirtioNetHeader.GSO_NONE
                            : v6 ? VirtioNetHeader.GSO_TCPV6 : VirtioNetHeader.GSO_TCPV4;
                    assertThat(VirtioNetHeader.gsoType(write, 0)).isEqualTo(expectedType);
                    CollectingSink merged = new CollectingSink();
                    merged.frame(write, 10, write.length - 10);
                    assertThat(merged.payloads()).isEqualTo(payload(length, mss));
                    assertThat(split(write)).containsExactlyElementsOf(segments.frames);
                });
    }

    /** {@code count} in-order segments of {@code size} bytes (the last {@code lastSize}), IDs counting up. */
    private static List<byte[]> segments(TcpFrameBuilder flow, int count, int size, int lastSize, int lastFlags) {
        List<byte[]> out = new ArrayList<>();
        int flags = flow.flags;
        for (int i = 0; i < count; i++) {
            int n = i == count - 1 ? lastSize : size;
            flow.flags = i == count - 1 ? flags | lastFlags : flags;
            out.add(flow.frame(payload(n, (int) flow.seq)));
            flow.seq += n;
            flow.ipId++;
        }
        flow.flags = flags;
        return out;
    }

    private void feed(List<byte[]> frames) {
        frames.forEach(f -> coalescer.add(f, 0, f.length));
    }

    /** What the kernel would put on a wire for one write: the splitter's segments (or the frame). */
    private static List<byte[]> split(byte[] write) {
        CollectingSink out = new CollectingSink();
        assertThat(new GsoSplitter().split(write.clone(), 0, write.length, out).emitted()).isTrue();
        return out.frames;
    }
}
