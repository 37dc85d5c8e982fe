package net.weft.core.wire;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.wire.gob.GobDecoder;
import net.weft.core.wire.gob.GobDefinitions;
import net.weft.core.wire.gob.GobEncoder;
import net.weft.core.wire.gob.GobStruct;

/**
 * The payload of the "topology" gossip channel: one gob stream holding, for each peer, a
 * {@code peerSummary} struct followed by a {@code []connectionSummary} slice of the connections that peer
 * reports. There is no count: pairs run to the end of the stream. Names travel as 6-byte {@code []byte}.
 * Zero-valued fields (version 0, empty nickname, false flags) are left out by the sender and come back as
 * zero.
 */
public final class TopologyCodec {

    /** Most peers accepted in one payload (Weave's 12-bit short ids make 4096 a practical ceiling). */
    public static final int MAX_PEERS_PER_PAYLOAD = 16_384;
    /** Most connections accepted for one peer (Weave's default connection limit is 200). */
    public static final int MAX_CONNECTIONS_PER_PEER = 4096;
    /** Largest short id on the wire (Go uint16). */
    public static final int MAX_SHORT_ID = 0xFFFF;

    private static final byte[] SUMMARY_DEFINITIONS = CanonicalTopologyScanner.SUMMARY_DEFINITIONS;
    private static final byte[] CONNECTIONS_DEFINITIONS = CanonicalTopologyScanner.CONNECTIONS_DEFINITIONS;
    private static final GobDefinitions CANONICAL_SUMMARY = GobDefinitions.of(WeaveGobTypes.PEER_SUMMARY);
    private static final GobDefinitions CANONICAL_CONNECTIONS = GobDefinitions.of(WeaveGobTypes.CONNECTIONS);

    private TopologyCodec() {
    }

    /**
     * One peer's two value messages, to be cached and assembled by {@link #concatenate}.
     *
     * @throws IllegalArgumentException when the short id does not fit 16 bits (a bug in the caller)
     */
    public static EncodedPeer encodePeer(PeerSummary p) {
        byte[] summary = GobEncoder.valueMessage(WeaveGobTypes.PEER_SUMMARY, summaryStruct(p));
        byte[] connections = GobEncoder.valueMessage(WeaveGobTypes.CONNECTIONS, connectionStructs(p));
        byte[] both = new byte[summary.length + connections.length];
        System.arraycopy(summary, 0, both, 0, summary.length);
        System.arraycopy(connections, 0, both, summary.length, connections.length);
        return new EncodedPeer(both, summary.length);
    }

    /**
     * A payload of the given peers, in the order given, from their cached parts: byte for byte what
     * {@link #encode} writes for the same summaries (type definitions before the first peer's messages).
     */
    public static byte[] concatenate(List<EncodedPeer> peers) {
        if (peers.isEmpty()) {
            return new byte[0];
        }
        int size = SUMMARY_DEFINITIONS.length + CONNECTIONS_DEFINITIONS.length;
        for (EncodedPeer p : peers) {
            size += p.bytes().length;
        }
        byte[] out = new byte[size];
        EncodedPeer first = peers.get(0);
        int at = put(out, 0, SUMMARY_DEFINITIONS, 0, SUMMARY_DEFINITIONS.length);
        at = put(out, at, first.bytes(), 0, first.summaryLength());
        at = put(out, at, CONNECTIONS_DEFINITIONS, 0, CONNECTIONS_DEFINITIONS.length);
        at = put(out, at, first.bytes(), first.summaryLength(), first.bytes().length - first.summaryLength());
        for (int i = 1; i < peers.size(); i++) {
            byte[] b = peers.get(i).bytes();
            at = put(out, at, b, 0, b.length);
        }
        return out;
    }

    private static int put(byte[] out, int at, byte[] from, int offset, int length) {
        System.arraycopy(from, offset, out, at, length);
        return at + length;
    }

    /**
     * Reads a topology payload's peer summaries and checks them, leaving each peer's connections to be
     * decoded on demand; rejects malformed gob, bad names, short ids over 16 bits and payloads over
     * {@link #MAX_PEERS_PER_PAYLOAD}. Connection lists are checked only against their type here:
     * {@link ScannedPeer#decode} checks their content.
     */
    public static ParseResult<TopologyScan> scan(byte[] payload) {
        TopologyScan canonical = CanonicalTopologyScanner.scan(payload);
        if (canonical != null) {
            return ParseResult.ok(canonical);
        }
        GobDecoder dec = new GobDecoder(payload);
        TopologyScan scan = new TopologyScan(payload, dec);
        List<ScannedPeer> peers = new ArrayList<>();
        while (!dec.atEnd()) {
            if (peers.size() >= MAX_PEERS_PER_PAYLOAD) {
                return ParseResult.rejected("topology: more than " + MAX_PEERS_PER_PAYLOAD + " peers");
            }
            ParseResult<GobStruct> summary = dec.nextStruct(WeaveGobTypes.PEER_SUMMARY);
            if (!summary.isOk()) {
                return ParseResult.rejected("topology peer summary: " + summary.reason());
            }
            int summaryFrom = dec.lastValueStart();
            int summaryTo = dec.position();
            ParseResult<PeerSummary> header = toPeer(summary.value(), List.of());
            if (!header.isOk()) {
                return ParseResult.rejected(header.reason());
            }
            ParseResult<Integer> connections = dec.skipNextAs(WeaveGobTypes.CONNECTIONS);
            if (!connections.isOk()) {
                return ParseResult.rejected("topology connections: " + connections.reason());
            }
            peers.add(new ScannedPeer(scan, header.value().name(), header.value(), summaryFrom, summaryTo,
                    connections.value(), dec.position()));
        }
        scan.finish(peers, dec.defines(CANONICAL_SUMMARY) && dec.defines(CANONICAL_CONNECTIONS));
        return ParseResult.ok(scan);
    }

    /**
     * Encodes the summaries in the order given, as one fresh gob stream.
     *
     * @throws IllegalArgumentException when a short id does not fit 16 bits (a bug in the caller)
     */
    public static byte[] encode(List<PeerSummary> peers) {
        GobEncoder enc = new GobEncoder();
        for (PeerSummary p : peers) {
            enc.encode(WeaveGobTypes.PEER_SUMMARY, summaryStruct(p));
            enc.encode(WeaveGobTypes.CONNECTIONS, connectionStructs(p));
        }
        return enc.toByteArray();
    }

    private static GobStruct summaryStruct(PeerSummary p) {
        if (p.shortId() < 0 || p.shortId() > MAX_SHORT_ID) {
            throw new IllegalArgumentException("short id out of range: " + p.shortId());
        }
        return GobStruct.of(WeaveGobTypes.PEER_SUMMARY, p.name().toBytes(), p.nickname(), p.uid(), p.version(),
                (long) p.shortId(), p.hasShortId());
    }

    private static List<GobStruct> connectionStructs(PeerSummary p) {
        List<GobStruct> connections = new ArrayList<>(p.connections().size());
        for (ConnectionSummary c : p.connections()) {
            connections.add(GobStruct.of(WeaveGobTypes.CONNECTION_SUMMARY, c.to().toBytes(),
                    c.remoteTcpAddr(), c.outbound(), c.established()));
        }
        return connections;
    }

    /** Decodes a topology payload; rejects malformed gob, bad names and payloads over the limits. */
    public static ParseResult<List<PeerSummary>> decode(byte[] payload) {
        GobDecoder dec = new GobDecoder(payload);
        List<PeerSummary> peers = new ArrayList<>();
        while (!dec.atEnd()) {
            if (peers.size() >= MAX_PEERS_PER_PAYLOAD) {
                return ParseResult.rejected("topology: more than " + MAX_PEERS_PER_PAYLOAD + " peers");
            }
            ParseResult<GobStruct> summary = dec.nextStruct(WeaveGobTypes.PEER_SUMMARY);
            if (!summary.isOk()) {
                return ParseResult.rejected("topology peer summary: " + summary.reason());
            }
            ParseResult<List<Object>> connections = dec.nextList(WeaveGobTypes.CONNECTIONS);
            if (!connections.isOk()) {
                return ParseResult.rejected("topology connections: " + connections.reason());
            }
            ParseResult<PeerSummary> peer = toPeer(summary.value(), connections.value());
            if (!peer.isOk()) {
                return ParseResult.rejected(peer.reason());
            }
            peers.add(peer.value());
        }
        return ParseResult.ok(List.copyOf(peers));
    }

    private static ParseResult<PeerSummary> toPeer(GobStruct s, List<?> connections) {
        ParseResult<PeerName> name = name(s.getBytes("NameByte"), "peer");
        if (!name.isOk()) {
            return ParseResult.rejected(name.reason());
        }
        long shortId = s.getLong("ShortID");
        if (shortId < 0 || shortId > MAX_SHORT_ID) {
            return ParseResult.rejected("topology: short id " + Long.toUnsignedString(shortId) + " of peer "
                    + name.value() + " exceeds " + MAX_SHORT_ID);
        }
        ParseResult<List<ConnectionSummary>> conns = connections(name.value(), connections);
        if (!conns.isOk()) {
            return ParseResult.rejected(conns.reason());
        }
        return ParseResult.ok(new PeerSummary(name.value(), s.getString("NickName"), s.getLong("UID"),
                s.getLong("Version"), (int) shortId, s.getBoolean("HasShortID"), conns.value()));
    }

    /** Checks and converts one peer's decoded connection list. */
    static ParseResult<List<ConnectionSummary>> connections(PeerName owner, List<?> connections) {
        if (connections.size() > MAX_CONNECTIONS_PER_PEER) {
            return ParseResult.rejected("topology: peer " + owner + " reports " + connections.size()
                    + " connections, limit " + MAX_CONNECTIONS_PER_PEER);
        }
        List<ConnectionSummary> conns = new ArrayList<>(connections.size());
        for (Object o : connections) {
            GobStruct c = (GobStruct) o;
            ParseResult<PeerName> to = name(c.getBytes("NameByte"), "connection of " + owner);
            if (!to.isOk()) {
                return ParseResult.rejected(to.reason());
            }
            conns.add(new ConnectionSummary(to.value(), c.getString("RemoteTCPAddr"), c.getBoolean("Outbound"),
                    c.getBoolean("Established")));
        }
        return ParseResult.ok(conns);
    }

    private static ParseResult<PeerName> name(byte[] bytes, String what) {
        if (bytes.length != PeerName.BYTES) {
            return ParseResult.rejected("topology: " + what + " name has " + bytes.length + " bytes, expected "
                    + PeerName.BYTES);
        }
        return ParseResult.ok(PeerName.fromBytes(bytes, 0));
    }
}
