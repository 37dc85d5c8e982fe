package net.weft.core.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.PeerSummary;

/**
 * What we know about one peer: its identity, the version of its own record, and the connections it reports.
 * Immutable; the peer table replaces an entry whenever gossip or a local change supersedes it.
 *
 * @param version     the peer's own topology version (unsigned 64-bit)
 * @param connections the connections this peer reports, keyed by the remote end
 */
public record PeerEntry(PeerName name, String nickname, PeerUid uid, long version, int shortId, boolean hasShortId,
        SortedMap<PeerName, ConnectionSummary> connections) {

    /** Defensive, sorted, unmodifiable copy of the connections; null nickname becomes empty. */
    public PeerEntry {
        nickname = nickname == null ? "" : nickname;
        connections = Collections.unmodifiableSortedMap(new TreeMap<>(connections));
    }

    /**
     * A peer known only because someone reported a connection to it (Weave's placeholder: UID 0,
     * version 0, no short id, no connections). Real gossip about it supersedes it.
     */
    public static PeerEntry placeholder(PeerName name) {
        return new PeerEntry(name, "", PeerUid.NONE, 0, 0, false, new TreeMap<>());
    }

    /** The entry a topology update describes; when a connection is listed twice the later one counts. */
    public static PeerEntry fromSummary(PeerSummary summary) {
        TreeMap<PeerName, ConnectionSummary> byRemote = new TreeMap<>();
        for (ConnectionSummary c : summary.connections()) {
            byRemote.put(c.to(), c);
        }
        return new PeerEntry(summary.name(), summary.nickname(), new PeerUid(summary.uid()), summary.version(),
                summary.shortId(), summary.hasShortId(), byRemote);
    }

    /** This entry as it goes into a topology update; connections in name order. */
    public PeerSummary toSummary() {
        return new PeerSummary(name, nickname, uid.value(), version, shortId, hasShortId,
                new ArrayList<>(connections.values()));
    }

    /** True for a placeholder: nobody has told us this peer's own record yet. */
    public boolean isPlaceholder() {
        return uid.value() == 0;
    }

    /**
     * Weave's merge order (§4.8): a record supersedes this one when its version is higher; on equal
     * versions when its UID is higher (unsigned); on equal both only when it carries a short id and this one
     * does not.
     */
    public boolean isSupersededBy(PeerSummary incoming) {
        int byVersion = Long.compareUnsigned(incoming.version(), version);
        if (byVersion != 0) {
            return byVersion > 0;
        }
        int byUid = Long.compareUnsigned(incoming.uid(), uid.value());
        if (byUid != 0) {
            return byUid > 0;
        }
        return incoming.hasShortId() && !hasShortId;
    }

    /** The same entry with another version and connection map (our own entry after a local change). */
    PeerEntry withVersionAndConnections(long newVersion, SortedMap<PeerName, ConnectionSummary> newConnections) {
        return new PeerEntry(name, nickname, uid, newVersion, shortId, hasShortId, newConnections);
    }

    /** The same entry with another short id (our own entry after reassignment). */
    PeerEntry withShortId(int newShortId, long newVersion) {
        return new PeerEntry(name, nickname, uid, newVersion, newShortId, true, connections);
    }
}
