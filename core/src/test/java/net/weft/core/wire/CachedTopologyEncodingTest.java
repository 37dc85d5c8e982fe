package net.weft.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.wire.gob.GobEncoder;
import net.weft.core.wire.gob.GobStruct;
import net.weft.core.wire.gob.SliceType;
import net.weft.core.wire.gob.StructType;
import org.junit.jupiter.api.Test;

/**
 * Payloads assembled from cached per-peer encodings are byte for byte fresh encodings, and scanning a payload
 * then decoding each peer on demand gives exactly what decoding it whole gives.
 */
class CachedTopologyEncodingTest {

    private static final int EXAMPLES = 300;

    @Test
    void a_payload_of_cached_parts_is_byte_for_byte_the_fresh_encoding() {
        qt().withExamples(EXAMPLES).forAll(WireGenerators.topologies()).checkAssert(peers -> {
            List<EncodedPeer> parts = new ArrayList<>();
            for (PeerSummary p : peers) {
                parts.add(TopologyCodec.encodePeer(p));
            }
            assertThat(TopologyCodec.concatenate(parts)).isEqualTo(TopologyCodec.encode(peers));
        });
    }

    @Test
    void scanning_then_decoding_each_peer_equals_decoding_the_whole_payload() {
        qt().withExamples(EXAMPLES).forAll(WireGenerators.topologies()).checkAssert(peers -> {
            byte[] payload = TopologyCodec.encode(peers);
            TopologyScan scan = TopologyCodec.scan(payload).value();
            List<PeerSummary> lazily = new ArrayList<>();
            for (ScannedPeer p : scan.peers()) {
                lazily.add(p.decode().value());
            }
            assertThat(lazily).isEqualTo(TopologyCodec.decode(payload).value());
        });
    }

    @Test
    void a_damaged_payload_is_rejected_by_scanning_and_decoding_each_peer_exactly_when_whole_decoding_rejects_it() {
        qt().withExamples(EXAMPLES * 3).forAll(WireGenerators.topologies(), integers().all(), integers().all())
                .checkAssert((peers, where, what) -> {
                    byte[] payload = TopologyCodec.encode(peers);
                    if (payload.length == 0) {
                        return;
                    }
                    payload[Math.floorMod(where, payload.length)] ^= (byte) (1 + Math.floorMod(what, 255));
                    ParseResult<List<PeerSummary>> whole = TopologyCodec.decode(payload);
                    ParseResult<TopologyScan> scan = TopologyCodec.scan(payload);
                    List<PeerSummary> lazily = new ArrayList<>();
                    boolean allOk = scan.isOk();
                    for (ScannedPeer p : allOk ? scan.value().peers() : List.<ScannedPeer>of()) {
                        ParseResult<PeerSummary> one = p.decode();
                        allOk &= one.isOk();
                        if (one.isOk()) {
                            lazily.add(one.value());
                        }
                    }
                    assertThat(allOk).isEqualTo(whole.isOk());
                    if (allOk) {
                        assertThat(lazily).isEqualTo(whole.value());
                    }
                });
    }

    @Test
    void a_scanned_peer_is_the_same_as_its_own_encoding_and_no_other() {
        qt().withExamples(EXAMPLES).forAll(WireGenerators.topologies()).checkAssert(peers -> {
            TopologyScan scan = TopologyCodec.scan(TopologyCodec.encode(peers)).value();
            for (int i = 0; i < peers.size(); i++) {
                for (int j = 0; j < peers.size(); j++) {
                    boolean same = scan.peers().get(i).sameAs(TopologyCodec.encodePeer(peers.get(j)));
                    assertThat(same).isEqualTo(peers.get(i).equals(peers.get(j)));
                }
            }
        });
    }

    @Test
    void a_payload_whose_types_have_other_ids_decodes_alike_but_is_never_taken_as_the_same_bytes() {
        StructType summary = new StructType(80, "peerSummary", WeaveGobTypes.PEER_SUMMARY.fields());
        StructType connection = new StructType(81, "connectionSummary", WeaveGobTypes.CONNECTION_SUMMARY.fields());
        SliceType connections = SliceType.of(82, connection);
        qt().withExamples(EXAMPLES).forAll(WireGenerators.topologies()).checkAssert(peers -> {
            GobEncoder enc = new GobEncoder();
            for (PeerSummary p : peers) {
                byte[] ours = TopologyCodec.encode(List.of(p));
                List<PeerSummary> back = TopologyCodec.decode(ours).value();
                assertThat(back).containsExactly(p);
                GobStruct s = GobStruct.of(summary, p.name().toBytes(), p.nickname(), p.uid(), p.version(),
                        (long) p.shortId(), p.hasShortId());
                enc.encode(summary, s);
                List<GobStruct> cs = new ArrayList<>();
                for (ConnectionSummary c : p.connections()) {
                    cs.add(GobStruct.of(connection, c.to().toBytes(), c.remoteTcpAddr(), c.outbound(),
                            c.established()));
                }
                enc.encode(connections, cs);
            }
            TopologyScan scan = TopologyCodec.scan(enc.toByteArray()).value();
            for (int i = 0; i < peers.size(); i++) {
                assertThat(scan.peers().get(i).sameAs(TopologyCodec.encodePeer(peers.get(i)))).isFalse();
                assertThat(scan.peers().get(i).decode().value()).isEqualTo(peers.get(i));
            }
        });
    }
}
