package net.weft.core.wire;

import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.wire.gob.GobDecoder;

/**
 * A topology payload read as far as the receiver needs before merging: every peer's name and where its two value
 * messages lie, each peer decoded later on demand ({@link ScannedPeer#decode}). Made by {@link TopologyCodec#scan};
 * holds the payload and, when the payload was not laid out canonically, the decoder with the stream's type
 * definitions.
 */
public final class TopologyScan {

    private final byte[] payload;
    private final GobDecoder decoder;
    private boolean canonicalTypes;
    private List<ScannedPeer> peers = List.of();

    TopologyScan(byte[] payload, GobDecoder decoder) {
        this.payload = payload;
        this.decoder = decoder;
    }

    /** The peers in payload order. */
    public List<ScannedPeer> peers() {
        return peers;
    }

    void finish(List<ScannedPeer> scanned, boolean canonical) {
        this.peers = List.copyOf(scanned);
        this.canonicalTypes = canonical;
    }

    byte[] payload() {
        return payload;
    }

    /** True when the stream defined Weave's topology types exactly as our encoder does, under the same ids. */
    boolean canonicalTypes() {
        return canonicalTypes;
    }

    ParseResult<List<ConnectionSummary>> connectionsAt(PeerName owner, int messageStart) {
        ParseResult<Object> list = decoder.decodeAt(messageStart, WeaveGobTypes.CONNECTIONS);
        if (!list.isOk()) {
            return ParseResult.rejected("topology connections: " + list.reason());
        }
        return TopologyCodec.connections(owner, (List<?>) list.value());
    }
}
