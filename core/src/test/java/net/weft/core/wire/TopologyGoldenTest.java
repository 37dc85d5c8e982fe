package net.weft.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.weft.core.id.PeerName;
import org.junit.jupiter.api.Test;

/** The first topology gossip each side of a captured Weave 2.8.1 connection sent, decoded and re-encoded. */
class TopologyGoldenTest {

    private static final PeerName H1 = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName H2 = PeerName.of("aa:00:00:00:00:02");

    @Test
    void dialersFirstTopologyGossipDecodesFieldByField() {
        GossipMessage msg = gossipIn("topology-h2-dialler.hex");
        assertThat(msg.tag()).isEqualTo(ProtocolTag.GOSSIP.code());
        assertThat(msg.channel()).isEqualTo("topology");
        assertThat(msg.src()).isEqualTo(H2);
        assertThat(msg.dst()).isEqualTo(PeerName.UNKNOWN);
        assertThat(msg.payload()).hasSize(340);

        List<PeerSummary> peers = TopologyCodec.decode(msg.payload()).value();
        assertThat(peers).containsExactly(
                new PeerSummary(H1, "wzh1", 3113621214081119662L, 1, 3401, true,
                        List.of(new ConnectionSummary(H2, "192.0.2.2:52001", false, false))),
                new PeerSummary(H2, "wzh2", 8065618097236691272L, 1, 2859, true,
                        List.of(new ConnectionSummary(H1, "192.0.2.1:6783", true, false))));
    }

    @Test
    void listenersFirstTopologyGossipDecodesFieldByField() {
        GossipMessage msg = gossipIn("topology-h1-listener.hex");
        assertThat(msg.src()).isEqualTo(H1);
        assertThat(msg.payload()).hasSize(311);

        List<PeerSummary> peers = TopologyCodec.decode(msg.payload()).value();
        assertThat(peers).hasSize(2);
        PeerSummary self = peers.get(0);
        assertThat(self.name()).isEqualTo(H1);
        assertThat(self.nickname()).isEqualTo("wzh1");
        assertThat(self.uid()).isEqualTo(3113621214081119662L);
        assertThat(self.version()).isEqualTo(1);
        assertThat(self.shortId()).isEqualTo(3401);
        assertThat(self.hasShortId()).isTrue();
        assertThat(self.connections()).containsExactly(new ConnectionSummary(H2, "192.0.2.2:52001", false, false));
        // h1 has heard of h2 only through the handshake: version 0 (left out on the wire), no connections.
        PeerSummary remote = peers.get(1);
        assertThat(remote.name()).isEqualTo(H2);
        assertThat(remote.nickname()).isEqualTo("wzh2");
        assertThat(remote.uid()).isEqualTo(8065618097236691272L);
        assertThat(remote.version()).isZero();
        assertThat(remote.shortId()).isEqualTo(2859);
        assertThat(remote.hasShortId()).isTrue();
        assertThat(remote.connections()).isEmpty();
    }

    @Test
    void reEncodingTheDecodedSummariesReproducesTheWholeMessage() {
        for (String capture : List.of("topology-h2-dialler.hex", "topology-h1-listener.hex")) {
            byte[] frame = Hex.resource(capture);
            GossipMessage msg = gossipIn(capture);
            byte[] payload = TopologyCodec.encode(TopologyCodec.decode(msg.payload()).value());
            byte[] body = GossipMessage.gossip(msg.channel(), msg.src(), payload).encode();
            assertThat(Hex.of(FrameReader.frame(body))).as(capture).isEqualTo(Hex.of(frame));
        }
    }

    @Test
    void frameReaderSplitsTheCapturedFrameWhateverTheChunking() {
        byte[] frame = Hex.resource("topology-h2-dialler.hex");
        for (int chunk : new int[] {1, 3, 7, 100, frame.length}) {
            FrameReader reader = new FrameReader();
            Optional<byte[]> body = Optional.empty();
            for (int off = 0; off < frame.length; off += chunk) {
                assertThat(body).isEmpty();
                reader.feed(frame, off, Math.min(chunk, frame.length - off));
                body = reader.next();
            }
            assertThat(body).hasValueSatisfying(b -> assertThat(b).hasSize(371));
            assertThat(ProtocolTag.of(body.get()[0] & 0xFF)).contains(ProtocolTag.GOSSIP);
        }
    }

    static GossipMessage gossipIn(String resource) {
        byte[] frame = Hex.resource(resource);
        byte[] body = Arrays.copyOfRange(frame, FrameReader.LENGTH_BYTES, frame.length);
        return GossipMessage.decode(body).value();
    }
}
