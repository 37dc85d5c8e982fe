package net.weft.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    @Test
    void framesComeOutWholeAndInOrderHoweverTheStreamIsChunked() {
        qt().forAll(lists().of(WireGenerators.bytes(40)).ofSizeBetween(0, 6), integers().between(1, 50))
                .checkAssert((bodies, chunk) -> {
                    ByteArrayOutputStream stream = new ByteArrayOutputStream();
                    bodies.forEach(b -> stream.writeBytes(FrameReader.frame(b)));
                    byte[] bytes = stream.toByteArray();
                    FrameReader reader = new FrameReader();
                    List<byte[]> out = new ArrayList<>();
                    for (int off = 0; off < bytes.length; off += chunk) {
                        reader.feed(bytes, off, Math.min(chunk, bytes.length - off));
                        out.addAll(reader.drain());
                    }
                    assertThat(out).hasSameSizeAs(bodies);
                    for (int i = 0; i < out.size(); i++) {
                        assertThat(out.get(i)).isEqualTo(bodies.get(i));
                    }
                    assertThat(reader.buffered()).isZero();
                });
    }

    @Test
    void rawBytesBeforeFramingAreTakenExactly() {
        FrameReader reader = new FrameReader();
        reader.feed(new byte[] {'w', 'e', 'a'});
        assertThat(reader.takeRaw(7)).isEmpty();
        reader.feed(new byte[] {'v', 'e', 1, 2, 1});
        assertThat(reader.takeRaw(7))
                .hasValueSatisfying(h -> assertThat(h).containsExactly('w', 'e', 'a', 'v', 'e', 1, 2));
        assertThat(reader.takeRaw(1)).hasValueSatisfying(f -> assertThat(f).containsExactly(1));
        assertThat(reader.takeRaw(0)).hasValueSatisfying(f -> assertThat(f).isEmpty());
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void emptyFramesAreDelivered() {
        FrameReader reader = new FrameReader();
        reader.feed(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 0});
        List<byte[]> frames = reader.drain();
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isEmpty();
        assertThat(frames.get(1)).containsExactly(0);
    }

    @Test
    void aLengthOverTheLimitFailsTheReaderForGood() {
        FrameReader reader = new FrameReader();
        reader.feed(FrameReader.frame(new byte[] {4}));
        reader.feed(new byte[] {0, (byte) 0xA0, 0, 1, 9, 9});
        assertThat(reader.next()).isPresent();
        assertThat(reader.next()).isEmpty();
        assertThat(reader.failed()).isTrue();
        assertThat(reader.failure()).contains("received frame of 10485761 bytes exceeds limit of 10485760");
        reader.feed(FrameReader.frame(new byte[] {1}));
        assertThat(reader.drain()).isEmpty();
        assertThat(reader.takeRaw(0)).isEmpty();
    }

    @Test
    void theLargestUnsignedLengthIsReportedAsUnsigned() {
        FrameReader reader = new FrameReader();
        reader.feed(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        assertThat(reader.next()).isEmpty();
        assertThat(reader.failure()).contains("received frame of 4294967295 bytes exceeds limit of 10485760");
    }

    @Test
    void aFrameOfExactlyTheLimitIsAccepted() {
        byte[] body = new byte[FrameReader.MAX_FRAME_BYTES];
        body[body.length - 1] = 7;
        FrameReader reader = new FrameReader();
        reader.feed(FrameReader.frame(body));
        assertThat(reader.next()).hasValueSatisfying(b -> assertThat(b).hasSize(FrameReader.MAX_FRAME_BYTES));
        assertThatThrownBy(() -> FrameReader.frame(new byte[FrameReader.MAX_FRAME_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
