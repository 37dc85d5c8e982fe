package net.weft.core.wire;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.wire.gob.GobDecoder;
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

    private TopologyCodec() {
    }

    /**
     * Encodes the summaries in the order given, as one fresh gob stream.
     *
     * @throws IllegalArgumentException when a short id does not fit 16 bits (a bug in the caller)
     */
    public static byte[] encode(List<PeerSummary> peers) {
        GobEncoder enc = new GobEncoder();
        for (PeerSummary p : peers) {
            if (p.shortId() < 0 || p.shortId() > MAX_SHORT_ID) {
                throw new IllegalArgumentException("short id out of range: " + p.shortId());
            }
            enc.encode(WeaveGobTypes.PEER_SUMMARY, GobStruct.of(WeaveGobTypes.PEER_SUMMARY, p.name().toBytes(),
                    p.nickname(), p.uid(), p.version(), (long) p.shortId(), p.hasShortId()));
            List<GobStruct> connections = new ArrayList<>(p.connections().size());
            for (ConnectionSummary c : p.connections()) {
                connections.add(GobStruct.of(WeaveGobTypes.CONNECTION_SUMMARY, c.to().toBytes(),
                        c.remoteTcpAddr(), c.outbound(), c.established()));
            }
            enc.encode(WeaveGobTypes.CONNECTIONS, connections);
        }
        return enc.toByteArray();
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
        if (connections.size() > MAX_CONNECTIONS_PER_PEER) {
            return ParseResult.rejected("topology: peer " + name.value() + " reports " + connections.size()
                    + " connections, limit " + MAX_CONNECTIONS_PER_PEER);
        }
        List<ConnectionSummary> conns = new ArrayList<>(connections.size());
        for (Object o : connections) {
            GobStruct c = (GobStruct) o;
            ParseResult<PeerName> to = name(c.getBytes("NameByte"), "connection of " + name.value());
            if (!to.isOk()) {
                return ParseResult.rejected(to.reason());
            }
            conns.add(new ConnectionSummary(to.value(), c.getString("RemoteTCPAddr"), c.getBoolean("Outbound"),
                    c.getBoolean("Established")));
        }
        return ParseResult.ok(new PeerSummary(name.value(), s.getString("NickName"), s.getLong("UID"),
                s.getLong("Version"), (int) shortId, s.getBoolean("HasShortID"), conns));
    }

    private static ParseResult<PeerName> name(byte[] bytes, String what) {
        if (bytes.length != PeerName.BYTES) {
            return ParseResult.rejected("topology: " + what + " name has " + bytes.length + " bytes, expected "
                    + PeerName.BYTES);
        }
        return ParseResult.ok(PeerName.fromBytes(bytes, 0));
    }
}
