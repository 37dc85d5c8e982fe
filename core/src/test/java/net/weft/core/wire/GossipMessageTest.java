package net.weft.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import net.weft.core.id.PeerName;
import net.weft.core.wire.gob.GobEncoder;
import net.weft.core.wire.gob.PredefinedType;
import org.junit.jupiter.api.Test;

class GossipMessageTest {

    private static final PeerName A = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName B = PeerName.of("aa:00:00:00:00:02");

    @Test
    void unicastCarriesTheDestinationBetweenSourceAndPayload() {
        byte[] body = GossipMessage.unicast("IPallocation", A, B, new byte[] {9}).encode();
        assertThat(Hex.of(body)).isEqualTo("05" + "0f0c000c" + Hex.of("IPallocation".getBytes())
                + "0906" + "00" + "faaa0000000001" + "0906" + "00" + "faaa0000000002" + "040a00" + "0109");
        assertThat(GossipMessage.decode(body).value())
                .isEqualTo(new GossipMessage(5, "IPallocation", A, B, new byte[] {9}));
    }

    @Test
    void broadcastAndGossipHaveNoDestination() {
        GossipMessage broadcast = GossipMessage.broadcast("topology", A, new byte[0]);
        assertThat(broadcast.encode()[0]).isEqualTo((byte) 6);
        assertThat(GossipMessage.decode(broadcast.encode()).value()).isEqualTo(broadcast);
        assertThat(GossipMessage.decode(GossipMessage.gossip("x", B, new byte[3]).encode()).value().dst())
                .isEqualTo(PeerName.UNKNOWN);
    }

    @Test
    void anyMessageRoundTrips() {
        qt().forAll(messages()).checkAssert(m -> assertThat(GossipMessage.decode(m.encode()).value()).isEqualTo(m));
    }

    @Test
    void aFramedEncodingIsExactlyTheFrameOfTheBody() {
        qt().forAll(messages())
                .checkAssert(m -> assertThat(m.encodeFramed()).isEqualTo(FrameReader.frame(m.encode())));
    }

    @Test
    void aFramedEncodingReadsBackAsTheMessage() {
        qt().forAll(messages()).checkAssert(m -> {
            FrameReader reader = new FrameReader();
            reader.feed(m.encodeFramed());
            assertThat(GossipMessage.decode(reader.next().orElseThrow()).value()).isEqualTo(m);
            assertThat(reader.buffered()).isZero();
        });
    }

    @Test
    void rejectsOtherTagsAndEmptyBodies() {
        assertThat(GossipMessage.decode(new byte[0]).reason()).isEqualTo("gossip: empty message");
        assertThat(GossipMessage.decode(new byte[] {7, 0, 1}).reason()).isEqualTo("gossip: not a gossip tag: 7");
        assertThat(GossipMessage.decode(new byte[] {4}).reason())
                .isEqualTo("gossip channel: stream ended: no more values");
    }

    @Test
    void rejectsSourcesAndDestinationsWiderThanAPeerName() {
        byte[] wide = gossipBody(5, "c", 1L << 48, 1, new byte[0]);
        assertThat(GossipMessage.decode(wide).reason())
                .isEqualTo("gossip source: 281474976710656 is not a 48-bit peer name");
        byte[] wideDst = gossipBody(5, "c", 1, -1L, new byte[0]);
        assertThat(GossipMessage.decode(wideDst).reason())
                .isEqualTo("gossip destination: 18446744073709551615 is not a 48-bit peer name");
    }

    @Test
    void rejectsAMissingPayloadTrailingDataAndLongChannelNames() {
        byte[] full = GossipMessage.gossip("topology", A, new byte[] {1, 2}).encode();
        byte[] withoutPayload = Arrays.copyOf(full, full.length - 6);
        assertThat(GossipMessage.decode(withoutPayload).reason())
                .isEqualTo("gossip payload: stream ended: no more values");
        byte[] trailing = Arrays.copyOf(full, full.length + 3);
        trailing[full.length] = 2;
        trailing[full.length + 1] = 0x0c;
        assertThat(GossipMessage.decode(trailing).reason()).isEqualTo("gossip: unexpected data after the payload");
        String tooLong = "x".repeat(GossipMessage.MAX_CHANNEL_CHARS + 1);
        byte[] longName = GossipMessage.gossip(tooLong, A, new byte[0]).encode();
        assertThat(GossipMessage.decode(longName).reason()).isEqualTo("gossip: channel name longer than 256");
        byte[] wrongSourceType = new GobEncoder().encode(PredefinedType.STRING, "c").encode(PredefinedType.INT, 5L)
                .toByteArray();
        assertThat(GossipMessage.decode(prefix(4, wrongSourceType)).reason())
                .isEqualTo("gossip source: type mismatch: sent int, expected uint");
    }

    @Test
    void constructionChecksAreForOurOwnBugs() {
        assertThatThrownBy(() -> new GossipMessage(7, "c", A, PeerName.UNKNOWN, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GossipMessage(4, "c", A, B, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static org.quicktheories.core.Gen<GossipMessage> messages() {
        return integers().between(4, 6).zip(WireGenerators.strings(20), WireGenerators.peerNames(),
                WireGenerators.peerNames(), WireGenerators.bytes(200),
                (tag, channel, src, dst, payload) ->
                        new GossipMessage(tag, channel, src, tag == 5 ? dst : PeerName.UNKNOWN, payload));
    }

    private static byte[] gossipBody(int tag, String channel, long src, long dst, byte[] payload) {
        GobEncoder enc = new GobEncoder().encode(PredefinedType.STRING, channel).encode(PredefinedType.UINT, src);
        if (tag == 5) {
            enc.encode(PredefinedType.UINT, dst);
        }
        return prefix(tag, enc.encode(PredefinedType.BYTES, payload).toByteArray());
    }

    private static byte[] prefix(int tag, byte[] gob) {
        byte[] out = new byte[gob.length + 1];
        out[0] = (byte) tag;
        System.arraycopy(gob, 0, out, 1, gob.length);
        return out;
    }
}
