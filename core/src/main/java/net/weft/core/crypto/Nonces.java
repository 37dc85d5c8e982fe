package net.weft.core.crypto;

/**
 * Weave's 24-byte nonces for secretbox: byte 0 bit 7 says the <em>sender</em> is the connection's outbound
 * (dialling) side, byte 0 bit 6 says TCP (1) or sleeve UDP (0), bytes 16..23 carry a big-endian 64-bit
 * counter, and every other byte is zero. The polarity bit keeps the two directions apart and the TCP bit
 * keeps the control channel apart from the overlay, which share one session key.
 */
final class Nonces {

    /** Byte 0 flag: the sender dialled the connection. */
    static final int SENDER_IS_OUTBOUND_BIT = 0x80;
    /** Byte 0 flag: a TCP control-channel nonce (clear for sleeve UDP). */
    static final int TCP_BIT = 0x40;
    /** Where the big-endian counter starts. */
    static final int COUNTER_OFFSET = 16;

    private Nonces() {
    }

    /** A zeroed nonce buffer with the flag byte set, ready for {@link #setCounter}. */
    static byte[] withFlags(boolean senderIsOutbound, boolean tcp) {
        byte[] nonce = new byte[SecretBox.NONCE_BYTES];
        nonce[0] = (byte) ((senderIsOutbound ? SENDER_IS_OUTBOUND_BIT : 0) | (tcp ? TCP_BIT : 0));
        return nonce;
    }

    /** Writes {@code counter} big-endian into bytes 16..23. */
    static void setCounter(byte[] nonce, long counter) {
        for (int i = 0; i < Long.BYTES; i++) {
            nonce[COUNTER_OFFSET + i] = (byte) (counter >>> (8 * (Long.BYTES - 1 - i)));
        }
    }
}
