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
    private final PeerSummary header;
    private final int summaryFrom;
    private final int summaryTo;
    private final int connectionsFrom;
    private final int connectionsTo;

    /** {@code header}: the decoded summary (without connections), or null when only the name was read. */
    ScannedPeer(TopologyScan scan, PeerName name, PeerSummary header, int summaryFrom, int summaryTo,
            int connectionsFrom, int connectionsTo) {
        this.scan = scan;
        this.name = name;
        this.header = header;
        this.summaryFrom = summaryFrom;
        this.summaryTo = summaryTo;
        this.connectionsFrom = connectionsFrom;
        this.connectionsTo = connectionsTo;
    }

    /** The peer's name. */
    public PeerName name() {
        return name;
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
     * The complete summary, connections included; rejects malformed messages, bad names, short ids over 16 bits
     * and lists over {@link TopologyCodec#MAX_CONNECTIONS_PER_PEER}, as decoding the whole payload would.
     */
    public ParseResult<PeerSummary> decode() {
        if (header == null) {
            return decodeInOurTypeContext();
        }
        ParseResult<List<ConnectionSummary>> connections = scan.connectionsAt(name, connectionsFrom);
        if (!connections.isOk()) {
            return ParseResult.rejected(connections.reason());
        }
        return ParseResult.ok(new PeerSummary(name, header.nickname(), header.uid(), header.version(),
                header.shortId(), header.hasShortId(), connections.value()));
    }

    /** The canonical scanner read only the layout: decode both messages after our own definitions. */
    private ParseResult<PeerSummary> decodeInOurTypeContext() {
        byte[] summaryDefinitions = CanonicalTopologyScanner.SUMMARY_DEFINITIONS;
        byte[] connectionsDefinitions = CanonicalTopologyScanner.CONNECTIONS_DEFINITIONS;
        int summaryLength = summaryTo - summaryFrom;
        int connectionsLength = connectionsTo - connectionsFrom;
        byte[] stream = new byte[summaryDefinitions.length + summaryLength + connectionsDefinitions.length
                + connectionsLength];
        int at = 0;
        System.arraycopy(summaryDefinitions, 0, stream, at, summaryDefinitions.length);
        at += summaryDefinitions.length;
        System.arraycopy(scan.payload(), summaryFrom, stream, at, summaryLength);
        at += summaryLength;
        System.arraycopy(connectionsDefinitions, 0, stream, at, connectionsDefinitions.length);
        at += connectionsDefinitions.length;
        System.arraycopy(scan.payload(), connectionsFrom, stream, at, connectionsLength);
        ParseResult<List<PeerSummary>> decoded = TopologyCodec.decode(stream);
        if (!decoded.isOk()) {
            return ParseResult.rejected(decoded.reason());
        }
        return ParseResult.ok(decoded.value().get(0));
    }

    @Override
    public String toString() {
        return "ScannedPeer[" + name + ", bytes " + summaryFrom + ".." + connectionsTo + "]";
    }
}
