package net.weft.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.weft.core.wire.gob.GobDecoder;
import net.weft.core.wire.gob.ParseAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Peer input never crashes a decoder: random bytes, valid messages cut short anywhere, and valid messages
 * with a bit flipped all give a value or a rejection, never an exception.
 */
class DecoderRobustnessTest {

    private static final List<byte[]> CAPTURED_BODIES = List.of(
            body("features-h2-dialler.hex"), body("features-h1-listener.hex"),
            body("topology-h2-dialler.hex"), body("topology-h1-listener.hex"));

    @Test
    void randomBytesNeverThrow() {
        qt().forAll(WireGenerators.bytes(300)).checkAssert(DecoderRobustnessTest::decodeEverything);
    }

    @Test
    void randomBytesAfterAGossipTagNeverThrow() {
        qt().forAll(integers().between(4, 6), WireGenerators.bytes(200)).checkAssert((tag, rest) -> {
            byte[] msg = new byte[rest.length + 1];
            msg[0] = tag.byteValue();
            System.arraycopy(rest, 0, msg, 1, rest.length);
            decodeEverything(msg);
        });
    }

    @Test
    void everyTruncationOfACapturedOrGeneratedMessageIsRejectedWithoutThrowing() {
        List<byte[]> messages = new ArrayList<>(CAPTURED_BODIES);
        messages.add(GossipMessage.unicast("c", new net.weft.core.id.PeerName(5), new net.weft.core.id.PeerName(6),
                TopologyCodec.encode(List.of())).encode());
        for (byte[] full : messages) {
            for (int len = 0; len < full.length; len++) {
                byte[] cut = Arrays.copyOf(full, len);
                decodeEverything(cut);
                if (full[0] == ProtocolTag.GOSSIP.code() || full[0] == ProtocolTag.GOSSIP_UNICAST.code()) {
                    assertThat(GossipMessage.decode(cut).isOk()).as("gossip cut to %d bytes", len).isFalse();
                } else {
                    assertThat(Features.decode(cut).isOk()).as("features cut to %d bytes", len).isFalse();
                }
            }
        }
    }

    @Test
    void bitFlipsInCapturedMessagesNeverThrow() {
        for (byte[] full : CAPTURED_BODIES) {
            for (int bit = 0; bit < full.length * 8; bit++) {
                byte[] flipped = full.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                decodeEverything(flipped);
                decodeEverything(Arrays.copyOfRange(flipped, 1, flipped.length));
            }
        }
    }

    @Test
    void bitFlipsInGeneratedTopologyGossipNeverThrow() {
        Gen<byte[]> payloads = WireGenerators.topologies().map(TopologyCodec::encode);
        qt().forAll(payloads, integers().between(0, Integer.MAX_VALUE)).checkAssert((payload, where) -> {
            if (payload.length == 0) {
                return;
            }
            byte[] flipped = payload.clone();
            flipped[where % payload.length] ^= (byte) (1 << (where % 8));
            assertThat(TopologyCodec.decode(flipped)).isNotNull();
            byte[] msg = GossipMessage.gossip("topology", new net.weft.core.id.PeerName(1), flipped).encode();
            assertThat(GossipMessage.decode(msg).isOk()).isTrue();
        });
    }

    /** Runs every decoder over the bytes; any exception fails the calling test. */
    static void decodeEverything(byte[] bytes) {
        assertThat(Features.decode(bytes)).isNotNull();
        assertThat(GossipMessage.decode(bytes)).isNotNull();
        assertThat(TopologyCodec.decode(bytes)).isNotNull();
        assertThat(ProtocolHeader.parse(bytes)).isNotNull();
        ParseAll.skipAll(new GobDecoder(bytes));
        FrameReader reader = new FrameReader();
        reader.feed(bytes);
        reader.drain();
    }

    private static byte[] body(String resource) {
        byte[] frame = Hex.resource(resource);
        return Arrays.copyOfRange(frame, FrameReader.LENGTH_BYTES, frame.length);
    }
}
