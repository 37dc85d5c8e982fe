package net.weft.core.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.wire.gob.GobEncoder;

/**
 * The fast way through a topology payload laid out exactly as our encoder (and Weave's, with the same type ids)
 * lays it out: our definitions of {@code peerSummary} first, then the first summary, our definitions of
 * {@code []connectionSummary}, and from there value messages only, summary and connection list in turn. Such a
 * payload is split into per-peer byte ranges by reading message lengths alone; each summary's name is read at its
 * fixed place (the first field, always six bytes). Nothing else is decoded here: a receiver recognises most peers
 * by comparing their bytes with entries it holds, and decodes the rest ({@link ScannedPeer#decode}) in the same
 * type context. Any deviation from the layout makes the scanner give up, and the general decoder takes over.
 */
final class CanonicalTopologyScanner {

    /** The gob field delta of the first field, NameByte, and the length of a name. */
    private static final byte[] NAME_FIELD = {1, PeerName.BYTES};

    static final byte[] SUMMARY_DEFINITIONS = GobEncoder.definitions(WeaveGobTypes.PEER_SUMMARY);
    static final byte[] CONNECTIONS_DEFINITIONS = GobEncoder.definitions(WeaveGobTypes.CONNECTIONS);
    private static final byte[] SUMMARY_HEAD = concat(GobEncoder.valueMessageHead(WeaveGobTypes.PEER_SUMMARY),
            NAME_FIELD);
    private static final byte[] CONNECTIONS_HEAD = GobEncoder.valueMessageHead(WeaveGobTypes.CONNECTIONS);
    /** A message length needs at most this many bytes here (1 count byte, then up to 4 bytes of an int). */
    private static final int MAX_LENGTH_BYTES = 4;
    private static final int NOT_A_LENGTH = -1;

    private final byte[] payload;
    private int pos;

    private CanonicalTopologyScanner(byte[] payload) {
        this.payload = payload;
    }

    /** The peers' ranges, or null when the payload is not laid out canonically (or is malformed). */
    static TopologyScan scan(byte[] payload) {
        return new CanonicalTopologyScanner(payload).run();
    }

    private TopologyScan run() {
        if (!skip(SUMMARY_DEFINITIONS)) {
            return null;
        }
        TopologyScan scan = new TopologyScan(payload, null);
        List<ScannedPeer> peers = new ArrayList<>();
        while (pos < payload.length) {
            if (peers.size() >= TopologyCodec.MAX_PEERS_PER_PAYLOAD) {
                return null;
            }
            int summaryFrom = pos;
            int summaryTo = message(SUMMARY_HEAD);
            if (summaryTo < 0) {
                return null;
            }
            PeerName name = PeerName.fromBytes(payload, summaryTo - messageBodyLength + SUMMARY_HEAD.length);
            pos = summaryTo;
            if (peers.isEmpty() && !skip(CONNECTIONS_DEFINITIONS)) {
                return null;
            }
            int connectionsFrom = pos;
            int connectionsTo = message(CONNECTIONS_HEAD);
            if (connectionsTo < 0) {
                return null;
            }
            pos = connectionsTo;
            peers.add(new ScannedPeer(scan, name, null, summaryFrom, summaryTo, connectionsFrom, connectionsTo));
        }
        scan.finish(peers, true);
        return scan;
    }

    private int messageBodyLength;

    /** Reads a message starting with {@code head}; returns its end, or -1. */
    private int message(byte[] head) {
        int length = readLength();
        if (length == NOT_A_LENGTH || length < head.length + (head == SUMMARY_HEAD ? PeerName.BYTES : 0)
                || length > payload.length - pos) {
            return NOT_A_LENGTH;
        }
        if (!Arrays.equals(payload, pos, pos + head.length, head, 0, head.length)) {
            return NOT_A_LENGTH;
        }
        messageBodyLength = length;
        return pos + length;
    }

    private int readLength() {
        if (pos >= payload.length) {
            return NOT_A_LENGTH;
        }
        int first = payload[pos++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int n = 256 - first;
        if (n > MAX_LENGTH_BYTES || n > payload.length - pos) {
            return NOT_A_LENGTH;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (payload[pos++] & 0xFF);
        }
        return v > Integer.MAX_VALUE ? NOT_A_LENGTH : (int) v;
    }

    private boolean skip(byte[] expected) {
        if (payload.length - pos < expected.length
                || !Arrays.equals(payload, pos, pos + expected.length, expected, 0, expected.length)) {
            return false;
        }
        pos += expected.length;
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
