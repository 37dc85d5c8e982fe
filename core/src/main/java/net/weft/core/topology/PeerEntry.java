package net.weft.core.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.EncodedPeer;
import net.weft.core.wire.PeerSummary;
import net.weft.core.wire.TopologyCodec;

/**
 * What we know about one peer: its identity, the version of its own record, and the connections it reports.
 * Immutable; the peer table replaces an entry whenever gossip or a local change supersedes it.
 *
 * <p>An entry encodes itself for topology gossip once, on first use ({@link #encoded}), and reuses those bytes
 * in every payload it goes into; the same bytes let a receiver recognise an identical entry in a payload
 * without decoding its connections. Because entries never change, one instance may be shared by every table of a
 * simulation ({@link PeerEntryPool}). Equality is by value; the cached encoding takes no part in it.
 */
public final class PeerEntry {

    private final PeerName name;
    private final String nickname;
    private final PeerUid uid;
    private final long version;
    private final int shortId;
    private final boolean hasShortId;
    private final SortedMap<PeerName, ConnectionSummary> connections;
    private EncodedPeer encoded;
    private long[] allTargets;
    private long[] establishedTargets;

    /**
     * Defensive, sorted, unmodifiable copy of the connections; null nickname becomes empty.
     *
     * @param version     the peer's own topology version (unsigned 64-bit)
     * @param connections the connections this peer reports, keyed by the remote end
     */
    public PeerEntry(PeerName name, String nickname, PeerUid uid, long version, int shortId, boolean hasShortId,
            SortedMap<PeerName, ConnectionSummary> connections) {
        this.name = Objects.requireNonNull(name, "name");
        this.nickname = nickname == null ? "" : nickname;
        this.uid = Objects.requireNonNull(uid, "uid");
        this.version = version;
        this.shortId = shortId;
        this.hasShortId = hasShortId;
        this.connections = connections.isEmpty() ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(connections));
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

    /** The peer's name. */
    public PeerName name() {
        return name;
    }

    /** The peer's nickname, empty when unknown. */
    public String nickname() {
        return nickname;
    }

    /** The peer's incarnation id (0 for a placeholder). */
    public PeerUid uid() {
        return uid;
    }

    /** The peer's own topology version (unsigned 64-bit). */
    public long version() {
        return version;
    }

    /** The peer's short id (meaningful when {@link #hasShortId}). */
    public int shortId() {
        return shortId;
    }

    /** True when the peer announced a short id. */
    public boolean hasShortId() {
        return hasShortId;
    }

    /** The connections this peer reports, keyed and sorted by the remote end (unmodifiable). */
    public SortedMap<PeerName, ConnectionSummary> connections() {
        return connections;
    }

    /** This entry as it goes into a topology update; connections in name order. */
    public PeerSummary toSummary() {
        return new PeerSummary(name, nickname, uid.value(), version, shortId, hasShortId,
                new ArrayList<>(connections.values()));
    }

    /**
     * This entry's part of a topology payload, encoded on first use and cached: byte for byte what encoding
     * {@link #toSummary} afresh gives.
     */
    public EncodedPeer encoded() {
        EncodedPeer e = encoded;
        if (e == null) {
            e = TopologyCodec.encodePeer(toSummary());
            encoded = e;
        }
        return e;
    }

    /**
     * The names this peer's connections lead to, as ascending distinct name values (only the established ones when
     * {@code establishedOnly}), worked out on first use and cached: the entry's row of a {@link TopologyGraph}
     * before names become indices. Entries are immutable and, in the simulator, shared between routers, so each
     * version of each entry sorts its connections once. Callers must not write to the array.
     */
    long[] targetValues(boolean establishedOnly) {
        if (establishedOnly) {
            if (establishedTargets == null) {
                establishedTargets = TopologyGraph.targetValues(connections.values(), true);
            }
            return establishedTargets;
        }
        if (allTargets == null) {
            allTargets = TopologyGraph.targetValues(connections.values(), false);
        }
        return allTargets;
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
        return supersededBy(incoming.version(), incoming.uid(), incoming.hasShortId());
    }

    /** The same order, against another entry. */
    public boolean isSupersededBy(PeerEntry incoming) {
        return supersededBy(incoming.version, incoming.uid.value(), incoming.hasShortId);
    }

    private boolean supersededBy(long incomingVersion, long incomingUid, boolean incomingHasShortId) {
        int byVersion = Long.compareUnsigned(incomingVersion, version);
        if (byVersion != 0) {
            return byVersion > 0;
        }
        int byUid = Long.compareUnsigned(incomingUid, uid.value());
        if (byUid != 0) {
            return byUid > 0;
        }
        return incomingHasShortId && !hasShortId;
    }

    /** The same entry with another version and connection map (our own entry after a local change). */
    PeerEntry withVersionAndConnections(long newVersion, SortedMap<PeerName, ConnectionSummary> newConnections) {
        return new PeerEntry(name, nickname, uid, newVersion, shortId, hasShortId, newConnections);
    }

    /** The same entry with another short id (our own entry after reassignment). */
    PeerEntry withShortId(int newShortId, long newVersion) {
        return new PeerEntry(name, nickname, uid, newVersion, newShortId, true, connections);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerEntry e && name.equals(e.name) && nickname.equals(e.nickname) && uid.equals(e.uid)
                && version == e.version && shortId == e.shortId && hasShortId == e.hasShortId
                && connections.equals(e.connections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nickname, uid, version, shortId, hasShortId, connections);
    }

    @Override
    public String toString() {
        return "PeerEntry[name=" + name + ", nickname=" + nickname + ", uid=" + uid + ", version="
                + Long.toUnsignedString(version) + ", shortId=" + shortId + ", hasShortId=" + hasShortId
                + ", connections=" + connections + "]";
    }
}
