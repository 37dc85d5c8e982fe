package net.weft.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.wire.ParseResult;
import org.junit.jupiter.api.Test;

class SleevePacketTest {

    private static final PeerName A = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName B = PeerName.of("aa:00:00:00:00:02");

    private static SleeveFrame frame(int length) {
        byte[] f = new byte[length];
        Arrays.fill(f, (byte) 0x5a);
        return new SleeveFrame(A, B, f);
    }

    private static String reason(ParseResult<?> r) {
        assertThat(r.isOk()).isFalse();
        return r.reason();
    }

    @Test
    void datagramsShorterThanTheSenderNameAreRejected() {
        assertThat(reason(SleevePacket.decode(new byte[5]))).contains("shorter than the 6-byte sender name");
        assertThat(reason(SleevePacket.decode(null))).contains("shorter");
    }

    @Test
    void aBareSenderNameDecodesToNoFrames() {
        SleevePacket p = SleevePacket.decode(A.toBytes()).value();
        assertThat(p.sender()).isEqualTo(A);
        assertThat(p.frames()).isEmpty();
    }

    @Test
    void oneToThirteenLeftoverBytesAreRejected() {
        byte[] one = SleevePacket.encode(A, List.of(frame(20)));
        for (int extra = 1; extra <= 13; extra++) {
            assertThat(reason(SleevePacket.decode(Arrays.copyOf(one, one.length + extra))))
                    .isEqualTo(extra + " bytes left over after the last frame, fewer than a 14-byte frame header");
        }
    }

    @Test
    void aFrameCutShortIsRejected() {
        byte[] one = SleevePacket.encode(A, List.of(frame(20)));
        assertThat(reason(SleevePacket.decode(Arrays.copyOf(one, one.length - 1))))
                .isEqualTo("frame 1 truncated: length 20, 19 bytes left");
    }

    @Test
    void moreThanAHundredFramesAreRejectedOnReceipt() {
        byte[] hundred = SleevePacket.encode(A, Collections.nCopies(100, frame(0)));
        assertThat(SleevePacket.decode(hundred).value().frames()).hasSize(100);
        byte[] more = Arrays.copyOf(hundred, hundred.length + SleevePacket.FRAME_HEADER_BYTES);
        assertThat(reason(SleevePacket.decode(more))).contains("more than 100 frames");
    }

    @Test
    void datagramsLongerThanWeaveReadsAreRejected() {
        assertThat(reason(SleevePacket.decode(new byte[65536]))).contains("longer than 65535");
    }

    @Test
    void severalFramesRoundTripInOrder() {
        List<SleeveFrame> frames = List.of(frame(14), new SleeveFrame(B, A, new byte[] {1, 2, 3}), frame(0));
        byte[] d = SleevePacket.encode(B, frames);
        assertThat(d).hasSize(6 + 3 * 14 + 14 + 3);
        assertThat(SleevePacket.decode(d).value()).isEqualTo(new SleevePacket(B, frames));
    }

    @Test
    void encodingRefusesWhatTheWireCannotCarry() {
        assertThatThrownBy(() -> SleevePacket.encode(A, Collections.nCopies(101, frame(0))))
                .isInstanceOf(IllegalArgumentException.class);
        List<SleeveFrame> big = new ArrayList<>(List.of(frame(40000), frame(40000)));
        assertThatThrownBy(() -> SleevePacket.encode(A, big)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SleeveFrame(A, B, new byte[65536])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchingPacksGreedilyInOrderAndSetsOversizedFramesAside() {
        List<SleeveFrame> queue = List.of(frame(50), frame(50), frame(200), frame(10), frame(50));
        SleeveBatcher.Batch batch = SleeveBatcher.pack(A, queue, 6 + 64 + 64 + 24);
        assertThat(batch.oversized()).containsExactly(queue.get(2));
        assertThat(batch.datagrams()).hasSize(2);
        assertThat(SleevePacket.decode(batch.datagrams().get(0)).value().frames())
                .containsExactly(queue.get(0), queue.get(1), queue.get(3));
        assertThat(SleevePacket.decode(batch.datagrams().get(1)).value().frames()).containsExactly(queue.get(4));
    }

    @Test
    void batchingStopsAtAHundredFramesPerDatagram() {
        SleeveBatcher.Batch batch = SleeveBatcher.pack(A, Collections.nCopies(250, frame(1)),
                SleevePacket.MAX_UDP_PAYLOAD_BYTES);
        assertThat(batch.datagrams()).extracting(d -> SleevePacket.decode(d).value().frames().size())
                .containsExactly(100, 100, 50);
    }

    @Test
    void batchingNothingGivesNoDatagrams() {
        assertThat(SleeveBatcher.pack(A, List.of(), 1500).datagrams()).isEmpty();
        assertThatThrownBy(() -> SleeveBatcher.pack(A, List.of(), 19)).isInstanceOf(IllegalArgumentException.class);
    }
}
