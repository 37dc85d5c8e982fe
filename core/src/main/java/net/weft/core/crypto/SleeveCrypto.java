package net.weft.core.crypto;

import net.weft.core.id.PeerName;

/**
 * Layout and sizes of sleeve (UDP overlay) packets, encrypted and plain, as Weave's
 * {@code weave/router/frame_crypto.go} builds them.
 *
 * <pre>
 * plain:      sender name (6) || frame list
 * encrypted:  sender name (6, clear) || seqNoAndDF (8, BE, clear) || tag (16) || XSalsa20(frame list)
 * frame list: one or more of srcPeer (6) || dstPeer (6) || length (2, BE) || Ethernet frame
 * </pre>
 *
 * <p>{@code seqNoAndDF} has the DF flag in bit 63 and the sender's per-flag sequence number in the low 63
 * bits. It is also bytes 16..23 of the nonce, so it is authenticated even though it travels in clear. The
 * receiver reads the clear sender name to find the session key, then hands the packet to a
 * {@link SleeveOpener}; the sender uses a {@link SleeveEncryptor}.
 */
public final class SleeveCrypto {

    /** Where the sender's peer name starts. */
    public static final int SENDER_OFFSET = 0;
    /** Where the clear {@code seqNoAndDF} field starts in an encrypted packet. */
    public static final int SEQ_NO_AND_DF_OFFSET = SENDER_OFFSET + PeerName.BYTES;
    /** Where the secretbox (tag first) starts in an encrypted packet. */
    public static final int BOX_OFFSET = SEQ_NO_AND_DF_OFFSET + Long.BYTES;
    /** Where the encrypted frame list starts in an encrypted packet. */
    public static final int CIPHERTEXT_OFFSET = BOX_OFFSET + SecretBox.TAG_BYTES;

    /** Per-packet overhead of an encrypted packet: name 6 + seqNoAndDF 8 + tag 16 = 30. */
    public static final int PACKET_OVERHEAD_ENCRYPTED = CIPHERTEXT_OFFSET;
    /** Per-packet overhead of a plain packet: the sender name. */
    public static final int PACKET_OVERHEAD_PLAIN = PeerName.BYTES;
    /** Per-frame overhead, encrypted or not: source name 6 + destination name 6 + length 2. */
    public static final int FRAME_OVERHEAD = 2 * PeerName.BYTES + Short.BYTES;

    /** Bit 63 of {@code seqNoAndDF}: the packet went on the DF (don't-fragment) path. */
    public static final long DF_FLAG = 1L << 63;
    /** The low 63 bits of {@code seqNoAndDF}: the sequence number. */
    public static final long SEQUENCE_MASK = ~DF_FLAG;

    private SleeveCrypto() {
    }

    /** Combines a DF flag and a sequence number into the clear field. */
    public static long seqNoAndDf(boolean df, long sequence) {
        if ((sequence & DF_FLAG) != 0) {
            throw new IllegalArgumentException("sleeve sequence number exceeds 63 bits");
        }
        return df ? sequence | DF_FLAG : sequence;
    }

    /** Reads the big-endian {@code seqNoAndDF} field of the packet at {@code packetOffset}. */
    public static long readSeqNoAndDf(byte[] packet, int packetOffset) {
        long v = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            v = (v << 8) | (packet[packetOffset + SEQ_NO_AND_DF_OFFSET + i] & 0xFF);
        }
        return v;
    }

    /** Writes the big-endian {@code seqNoAndDF} field of the packet at {@code packetOffset}. */
    static void writeSeqNoAndDf(long seqNoAndDf, byte[] packet, int packetOffset) {
        for (int i = 0; i < Long.BYTES; i++) {
            packet[packetOffset + SEQ_NO_AND_DF_OFFSET + i] = (byte) (seqNoAndDf >>> (8 * (Long.BYTES - 1 - i)));
        }
    }
}
