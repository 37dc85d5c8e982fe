package net.weft.core.crypto;

import net.weft.core.id.PeerName;

/**
 * Seals the sleeve packets we send to one peer over one connection (Weave's pair of {@code NaClEncryptor}s).
 *
 * <p>DF and non-DF packets have separate sequence counters, both starting at 0; the DF flag is part of the
 * authenticated nonce, so the two counters never produce the same nonce. Each {@link #seal} writes
 * {@code localName || seqNoAndDF || tag || ciphertext} and takes the next number of that flag. The counters
 * live here, so one instance must serve all packets of a connection, from one thread.
 */
public final class SleeveEncryptor {

    private final byte[] localName;
    private final SecretBoxEngine box;
    private final byte[] nonce;
    private long nextDfSequence;
    private long nextPlainSequence;

    /**
     * @param localName       our peer name, sent in clear so the receiver can find the session
     * @param sessionKey      the connection's {@link SessionKey}
     * @param localIsOutbound true when we dialled the connection
     */
    public SleeveEncryptor(PeerName localName, byte[] sessionKey, boolean localIsOutbound) {
        this(localName, sessionKey, localIsOutbound, SecretBoxEngine.JAVA);
    }

    /**
     * The same, sealing with an engine from {@code engines} (e.g. a native one the daemon loaded).
     *
     * @param engines makes the secretbox for {@code sessionKey}
     */
    public SleeveEncryptor(PeerName localName, byte[] sessionKey, boolean localIsOutbound,
            SecretBoxEngine.Factory engines) {
        this.localName = localName.toBytes();
        this.box = engines.create(sessionKey);
        this.nonce = Nonces.withFlags(localIsOutbound, false);
    }

    /**
     * Seals one packet carrying {@code framesLength} bytes of frame list from {@code frames}.
     *
     * <p>To avoid a copy, build the frame list directly at {@code outOffset + PACKET_OVERHEAD_ENCRYPTED} in
     * {@code out} and pass that as {@code frames}/{@code framesOffset}: sealing then happens in place. The
     * output needs {@code framesLength + PACKET_OVERHEAD_ENCRYPTED} bytes from {@code outOffset}.
     *
     * @param df true for the DF path (packets sent with don't-fragment)
     * @return bytes written, {@code framesLength + SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED}
     */
    public int seal(boolean df, byte[] frames, int framesOffset, int framesLength, byte[] out, int outOffset) {
        long sequence = df ? nextDfSequence : nextPlainSequence;
        long seqNoAndDf = SleeveCrypto.seqNoAndDf(df, sequence);
        System.arraycopy(localName, 0, out, outOffset + SleeveCrypto.SENDER_OFFSET, PeerName.BYTES);
        SleeveCrypto.writeSeqNoAndDf(seqNoAndDf, out, outOffset);
        Nonces.setCounter(nonce, seqNoAndDf);
        int boxLength = box.sealInto(nonce, frames, framesOffset, framesLength,
                out, outOffset + SleeveCrypto.BOX_OFFSET);
        if (df) {
            nextDfSequence++;
        } else {
            nextPlainSequence++;
        }
        return SleeveCrypto.BOX_OFFSET + boxLength;
    }

    /** Seals into a new array of exactly the packet's size. */
    public byte[] seal(boolean df, byte[] frames) {
        byte[] out = new byte[frames.length + SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED];
        seal(df, frames, 0, frames.length, out, 0);
        return out;
    }

    /** The sequence number the next packet of this DF flag will carry. */
    public long nextSequence(boolean df) {
        return df ? nextDfSequence : nextPlainSequence;
    }
}
