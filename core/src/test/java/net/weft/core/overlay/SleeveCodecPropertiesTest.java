package net.weft.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.wire.ParseResult;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the sleeve codecs over generated input: peers' garbage never throws, our output round-trips. */
class SleeveCodecPropertiesTest {

    private static Gen<byte[]> bytes(int maxLength) {
        return lists().of(integers().between(0, 255)).ofSizeBetween(0, maxLength).map(list -> {
            byte[] out = new byte[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (int) list.get(i);
            }
            return out;
        });
    }

    private static Gen<PeerName> names() {
        return longs().between(0, PeerName.MASK).map(PeerName::new);
    }

    private static Gen<SleeveFrame> frames() {
        return names().zip(names(), bytes(120), SleeveFrame::new);
    }

    private static Gen<List<SleeveFrame>> frameLists() {
        return lists().of(frames()).ofSizeBetween(0, 12);
    }

    /** Decoding any input yields a value or a reason, never an exception. */
    private static void decodesWithoutThrowing(byte[] input) {
        ParseResult<SleevePacket> r = SleevePacket.decode(input);
        assertThat(r.isOk() || !r.reason().isEmpty()).isTrue();
    }

    @Test
    void randomBytesNeverMakeDecodeThrow() {
        qt().forAll(bytes(300)).checkAssert(SleeveCodecPropertiesTest::decodesWithoutThrowing);
    }

    @Test
    void encodedFrameListsRoundTrip() {
        qt().withExamples(400).forAll(names(), frameLists()).checkAssert((sender, frames) -> {
            SleevePacket decoded = SleevePacket.decode(SleevePacket.encode(sender, frames)).value();
            assertThat(decoded).isEqualTo(new SleevePacket(sender, frames));
        });
    }

    @Test
    void truncatedDatagramsAreRejectedUnlessCutAtAFrameBoundary() {
        qt().withExamples(400).forAll(names(), frameLists(), integers().between(0, 10_000))
                .checkAssert(SleeveCodecPropertiesTest::truncationIsRejectedOrAWholePrefix);
    }

    private static void truncationIsRejectedOrAWholePrefix(PeerName sender, List<SleeveFrame> frames, int cut) {
        byte[] full = SleevePacket.encode(sender, frames);
        int length = cut % (full.length + 1);
        ParseResult<SleevePacket> r = SleevePacket.decode(Arrays.copyOf(full, length));
        List<Integer> boundaries = new ArrayList<>(List.of(SleevePacket.SENDER_BYTES));
        for (SleeveFrame f : frames) {
            boundaries.add(boundaries.get(boundaries.size() - 1) + f.encodedBytes());
        }
        int whole = boundaries.indexOf(length);
        if (whole >= 0) {
            assertThat(r.value().frames()).isEqualTo(frames.subList(0, whole));
        } else {
            assertThat(r.isOk()).isFalse();
        }
    }

    @Test
    void bitFlipsNeverMakeDecodeThrow() {
        Gen<List<Integer>> bitPositions = lists().of(integers().between(0, 1 << 20)).ofSizeBetween(1, 8);
        qt().withExamples(400).forAll(names(), frameLists(), bitPositions)
                .checkAssert((sender, frames, flips) -> {
                    byte[] d = SleevePacket.encode(sender, frames);
                    for (int flip : flips) {
                        int bit = flip % (d.length * 8);
                        d[bit / 8] ^= (byte) (1 << (bit % 8));
                    }
                    decodesWithoutThrowing(d);
                });
    }

    @Test
    void batchingKeepsEveryFittingFrameInOrderWithinTheLimits() {
        qt().forAll(frameLists(), integers().between(20, 600)).checkAssert((frames, max) -> {
            SleeveBatcher.Batch batch = SleeveBatcher.pack(PeerName.of("aa:00:00:00:00:01"), frames, max);
            List<SleeveFrame> sent = new ArrayList<>();
            for (byte[] d : batch.datagrams()) {
                assertThat(d.length).isLessThanOrEqualTo(max);
                sent.addAll(SleevePacket.decode(d).value().frames());
            }
            List<SleeveFrame> fitting = new ArrayList<>(frames);
            fitting.removeIf(f -> SleevePacket.SENDER_BYTES + f.encodedBytes() > max);
            assertThat(sent).isEqualTo(fitting);
            assertThat(batch.oversized()).hasSize(frames.size() - fitting.size());
        });
    }

    @Test
    void controlAndSpecialFrameParsersNeverThrow() {
        qt().forAll(bytes(40)).checkAssert(body -> {
            ParseResult<OverlayControl> c = OverlayControl.decode(body);
            if (c.isOk()) {
                ParseResult<SleeveControl> s = SleeveControl.decode(c.value().subTag(), c.value().message());
                assertThat(s.isOk() || !s.reason().isEmpty()).isTrue();
            }
            ParseResult<SpecialFrame> f = SpecialFrames.parse(body);
            assertThat(f.isOk()).isEqualTo(SpecialFrames.isSpecial(body));
        });
    }
}
