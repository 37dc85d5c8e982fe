package net.weft.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The unframed handshake start, overlay-control frames and a heartbeat from a captured Weave 2.8.1 stream. */
class ControlFramesGoldenTest {

    @Test
    void capturedHeaderAndFlagAreTakenRawBeforeFramingStarts() {
        FrameReader reader = new FrameReader();
        reader.feed(Hex.resource("header-h2-dialler.hex"));
        reader.feed(FrameReader.frame(new byte[] {0}));

        byte[] header = reader.takeRaw(ProtocolHeader.BYTES).orElseThrow();
        VersionRange theirs = ProtocolHeader.parse(header).value();
        assertThat(theirs).isEqualTo(new VersionRange(1, 2));
        assertThat(ProtocolHeader.encode(1, 2)).isEqualTo(header);
        assertThat(ProtocolHeader.negotiate(VersionRange.WEAVE, theirs).value()).isEqualTo(2);
        assertThat(reader.takeRaw(1)).hasValueSatisfying(flag -> assertThat(flag).containsExactly(0));
        assertThat(reader.drain()).hasSize(1);
        assertThat(reader.buffered()).isZero();
    }

    @Test
    void capturedOverlayControlFramesAndHeartbeatSplitIntoTaggedBodies() {
        FrameReader reader = new FrameReader();
        reader.feed(Hex.resource("control-frames-h2-dialler.hex"));
        List<byte[]> bodies = reader.drain();

        assertThat(bodies).hasSize(4);
        assertThat(bodies.get(0)).containsExactly(7, 0, 1);
        assertThat(bodies.get(1)).containsExactly(7, 0, 2);
        assertThat(bodies.get(2)).containsExactly(7, 0, 3, 0x05, 0x9e);
        assertThat(((bodies.get(2)[3] & 0xFF) << 8) | (bodies.get(2)[4] & 0xFF)).isEqualTo(1438);
        assertThat(bodies.get(3)).containsExactly(0);
        assertThat(ProtocolTag.of(bodies.get(0)[0])).contains(ProtocolTag.OVERLAY_CONTROL);
        assertThat(ProtocolTag.of(bodies.get(3)[0])).contains(ProtocolTag.HEARTBEAT);
        assertThat(reader.failed()).isFalse();
    }

    @Test
    void reFramingTheBodiesGivesTheCapturedBytes() {
        FrameReader reader = new FrameReader();
        byte[] captured = Hex.resource("control-frames-h2-dialler.hex");
        reader.feed(captured);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] body : reader.drain()) {
            out.writeBytes(FrameReader.frame(body));
        }
        assertThat(out.toByteArray()).isEqualTo(captured);
    }
}
