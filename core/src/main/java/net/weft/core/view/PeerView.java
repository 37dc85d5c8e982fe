package net.weft.core.view;

import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;

/** One peer of the topology as we know it, with the connections it reports. */
public record PeerView(PeerName name, String nickname, PeerUid uid, int shortId, boolean hasShortId, long version,
        List<PeerConnectionView> connections) {

    /** Defensive copy. */
    public PeerView {
        connections = List.copyOf(connections);
    }
}
