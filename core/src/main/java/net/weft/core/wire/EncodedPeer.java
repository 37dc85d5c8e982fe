package net.weft.core.wire;

import java.util.Arrays;

/**
 * One peer's part of a topology payload, encoded once and reused: the {@code peerSummary} value message
 * followed by the {@code []connectionSummary} value message, with no type definitions.
 * {@link TopologyCodec#concatenate} adds the definitions once, before the first peer, so that a payload built
 * from cached parts is byte for byte what {@link TopologyCodec#encode} writes. Treat the array as read-only.
 *
 * @param bytes         the two value messages
 * @param summaryLength how many of the bytes are the peerSummary message
 */
public record EncodedPeer(byte[] bytes, int summaryLength) {

    /** Checks the split. */
    public EncodedPeer {
        if (summaryLength <= 0 || summaryLength >= bytes.length) {
            throw new IllegalArgumentException("summary length " + summaryLength + " of " + bytes.length);
        }
    }

    /**
     * True when {@code data} holds exactly these bytes: the summary message in {@code [summaryFrom, summaryTo)}
     * and the connections message in {@code [connectionsFrom, connectionsTo)}.
     */
    public boolean sameAs(byte[] data, int summaryFrom, int summaryTo, int connectionsFrom, int connectionsTo) {
        return Arrays.equals(bytes, 0, summaryLength, data, summaryFrom, summaryTo)
                && Arrays.equals(bytes, summaryLength, bytes.length, data, connectionsFrom, connectionsTo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedPeer other && summaryLength == other.summaryLength
                && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "EncodedPeer[" + bytes.length + " bytes, summary " + summaryLength + "]";
    }
}
