package net.weft.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.wire.gob.GobEncoder;
import net.weft.core.wire.gob.GobStruct;
import net.weft.core.wire.gob.PredefinedType;
import org.junit.jupiter.api.Test;

class TopologyCodecTest {

    private static final PeerName A = PeerName.of("aa:00:00:00:00:01");

    @Test
    void anySummariesSurviveAnEncodeDecodeRoundTrip() {
        qt().forAll(WireGenerators.topologies()).checkAssert(peers -> {
            byte[] payload = TopologyCodec.encode(peers);
            assertThat(TopologyCodec.decode(payload).value()).isEqualTo(peers);
            assertThat(TopologyCodec.encode(TopologyCodec.decode(payload).value())).isEqualTo(payload);
        });
    }

    @Test
    void anEmptyPayloadHoldsNoPeers() {
        assertThat(TopologyCodec.encode(List.of())).isEmpty();
        assertThat(TopologyCodec.decode(new byte[0]).value()).isEmpty();
    }

    @Test
    void namesMustBeSixBytes() {
        byte[] shortName = payloadWith(peerStruct(new byte[] {1, 2, 3}, 0), List.of());
        assertThat(TopologyCodec.decode(shortName).reason())
                .isEqualTo("topology: peer name has 3 bytes, expected 6");
        byte[] noName = payloadWith(peerStruct(new byte[0], 0), List.of());
        assertThat(TopologyCodec.decode(noName).reason()).isEqualTo("topology: peer name has 0 bytes, expected 6");
        byte[] badConnectionName = payloadWith(peerStruct(A.toBytes(), 0),
                List.of(GobStruct.of(WeaveGobTypes.CONNECTION_SUMMARY, new byte[7], "", false, false)));
        assertThat(TopologyCodec.decode(badConnectionName).reason())
                .isEqualTo("topology: connection of aa:00:00:00:00:01 name has 7 bytes, expected 6");
    }

    @Test
    void shortIdsMustFitSixteenBits() {
        byte[] payload = payloadWith(peerStruct(A.toBytes(), 0x10000), List.of());
        assertThat(TopologyCodec.decode(payload).reason())
                .isEqualTo("topology: short id 65536 of peer aa:00:00:00:00:01 exceeds 65535");
        PeerSummary tooBig = new PeerSummary(A, "", 0, 0, 0x10000, true, List.of());
        assertThatThrownBy(() -> TopologyCodec.encode(List.of(tooBig))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPeerSummaryWithoutItsConnectionListIsRejected() {
        byte[] payload = new GobEncoder().encode(WeaveGobTypes.PEER_SUMMARY, peerStruct(A.toBytes(), 1))
                .toByteArray();
        assertThat(TopologyCodec.decode(payload).reason())
                .isEqualTo("topology connections: stream ended: no more values");
    }

    @Test
    void somethingElseWhereASummaryShouldBeIsRejected() {
        byte[] payload = GobEncoder.encodeOne(PredefinedType.STRING, "not a peer");
        assertThat(TopologyCodec.decode(payload).reason())
                .isEqualTo("topology peer summary: type mismatch: sent string, expected peerSummary");
    }

    @Test
    void tooManyConnectionsForOnePeerAreRejected() {
        List<GobStruct> conns = new ArrayList<>();
        for (int i = 0; i <= TopologyCodec.MAX_CONNECTIONS_PER_PEER; i++) {
            conns.add(GobStruct.of(WeaveGobTypes.CONNECTION_SUMMARY, A.toBytes(), "", false, false));
        }
        assertThat(TopologyCodec.decode(payloadWith(peerStruct(A.toBytes(), 1), conns)).reason())
                .isEqualTo("topology: peer aa:00:00:00:00:01 reports 4097 connections, limit 4096");
    }

    @Test
    void tooManyPeersInOnePayloadAreRejected() {
        GobEncoder enc = new GobEncoder();
        for (int i = 0; i <= TopologyCodec.MAX_PEERS_PER_PAYLOAD; i++) {
            enc.encode(WeaveGobTypes.PEER_SUMMARY, peerStruct(A.toBytes(), 1));
            enc.encode(WeaveGobTypes.CONNECTIONS, List.of());
        }
        assertThat(TopologyCodec.decode(enc.toByteArray()).reason()).isEqualTo("topology: more than 16384 peers");
    }

    private static GobStruct peerStruct(byte[] name, long shortId) {
        return GobStruct.of(WeaveGobTypes.PEER_SUMMARY, name, "n", 1L, 1L, shortId, true);
    }

    private static byte[] payloadWith(GobStruct peer, List<GobStruct> connections) {
        return new GobEncoder().encode(WeaveGobTypes.PEER_SUMMARY, peer)
                .encode(WeaveGobTypes.CONNECTIONS, connections).toByteArray();
    }
}
