package net.weft.core.wire;

import java.util.List;
import net.weft.core.id.PeerName;

/**
 * One peer's entry in a topology update, as Weave's {@code peerSummary} plus the {@code []connectionSummary}
 * that follows it on the wire.
 *
 * @param uid     incarnation id (unsigned; 0 = placeholder)
 * @param version the peer's own topology version (unsigned)
 */
public record PeerSummary(PeerName name, String nickname, long uid, long version, int shortId, boolean hasShortId,
        List<ConnectionSummary> connections) {

    /** Defensive copy; null nickname becomes empty. */
    public PeerSummary {
        nickname = nickname == null ? "" : nickname;
        connections = List.copyOf(connections);
    }
}
