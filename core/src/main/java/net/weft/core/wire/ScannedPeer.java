package net.weft.core.wire;

import java.util.List;
import net.weft.core.id.PeerName;

/**
 * One peer of a scanned topology payload ({@link TopologyCodec#scan}): its summary fields, decoded and checked,
 * and where its two value messages lie in the payload. Its connections are decoded only on demand
 * ({@link #decode}), because a receiver usually holds an identical entry already and can tell from the bytes
 * ({@link #sameAs}).
 */
public final class ScannedPeer {

    private final TopologyScan scan;
    private final PeerName name;
    private final String nickname;
    private final long uid;
    private final long version;
    private final int shortId;
    private final boolean hasShortId;
    private final int summaryFrom;
    private final int summaryTo;
    private final int connectionsFrom;
    private final int connectionsTo;

    ScannedPeer(TopologyScan scan, PeerSummary header, int summaryFrom, int summaryTo, int connectionsFrom,
            int connectionsTo) {
        this.scan = scan;
        this.name = header.name();
        this.nickname = header.nickname();
        this.uid = header.uid();
        this.version = header.version();
        this.shortId = header.shortId();
        this.hasShortId = header.hasShortId();
        this.summaryFrom = summaryFrom;
        this.summaryTo = summaryTo;
        this.connectionsFrom = connectionsFrom;
        this.connectionsTo = connectionsTo;
    }

    /** The peer's name. */
    public PeerName name() {
        return name;
    }

    /** Its nickname. */
    public String nickname() {
        return nickname;
    }

    /** Its incarnation id (unsigned). */
    public long uid() {
        return uid;
    }

    /** Its version (unsigned). */
    public long version() {
        return version;
    }

    /** Its short id. */
    public int shortId() {
        return shortId;
    }

    /** Whether it carries a short id. */
    public boolean hasShortId() {
        return hasShortId;
    }

    /**
     * True when this peer's messages are byte for byte {@code encoded} in a stream whose type definitions are
     * exactly ours: then it decodes to exactly what {@code encoded} was made from.
     */
    public boolean sameAs(EncodedPeer encoded) {
        return scan.canonicalTypes()
                && encoded.sameAs(scan.payload(), summaryFrom, summaryTo, connectionsFrom, connectionsTo);
    }

    /**
     * The complete summary, connections included; rejects malformed connections, bad names and lists over
     * {@link TopologyCodec#MAX_CONNECTIONS_PER_PEER}.
     */
    public ParseResult<PeerSummary> decode() {
        ParseResult<List<ConnectionSummary>> connections = scan.connectionsAt(name, connectionsFrom);
        if (!connections.isOk()) {
            return ParseResult.rejected(connections.reason());
        }
        return ParseResult.ok(new PeerSummary(name, nickname, uid, version, shortId, hasShortId,
                connections.value()));
    }

    @Override
    public String toString() {
        return "ScannedPeer[" + name + " v" + Long.toUnsignedString(version) + " uid " + Long.toUnsignedString(uid)
                + "]";
    }
}
