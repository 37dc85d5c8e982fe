package net.weft.core.conn;

import java.util.List;
import java.util.SortedMap;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;

/**
 * What a completed handshake learned about the remote peer.
 *
 * @param version         the negotiated protocol version (2)
 * @param connUid         our ConnID XOR theirs: the same value at both ends, used for tie-breaks and
 *                        data-plane heartbeats
 * @param trustedByRemote the remote trusts our address (its {@code Trusted} feature)
 * @param overlays        the remote's overlays in its preference order; empty when it sent none
 * @param sessionKey      the 32-byte session key when the connection is encrypted, else empty array
 */
public record RemoteIntro(int version, PeerName name, String nickname, PeerUid uid, int shortId,
        boolean hasShortId, long connUid, boolean trustedByRemote, List<String> overlays,
        SortedMap<String, String> features, byte[] sessionKey) {

    /** Defensive copies. */
    public RemoteIntro {
        overlays = List.copyOf(overlays);
        features = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(features));
    }

    /** True when the TCP stream after the handshake is sealed. */
    public boolean encrypted() {
        return sessionKey.length > 0;
    }
}
