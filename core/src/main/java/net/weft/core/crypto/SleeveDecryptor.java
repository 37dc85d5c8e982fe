package net.weft.core.crypto;

/**
 * Opens the sleeve packets of one DF flag received from one peer over one connection (Weave's
 * {@code NaClDecryptorInstance}), with replay protection.
 *
 * <p>Order of checks, all before any state changes: the packet must be long enough and carry this
 * decryptor's DF flag ({@link SleeveOpenOutcome#MALFORMED}); its sequence number must be fresh in the
 * {@link ReplayWindow} ({@link SleeveOpenOutcome#TOO_OLD}, {@link SleeveOpenOutcome#REPLAY}); it must
 * authenticate under the peer's nonce ({@link SleeveOpenOutcome#FORGED}). Only then is the frame list
 * written out and the window advanced. Usually reached through {@link SleeveOpener}, which holds one
 * decryptor per flag. Not thread-safe.
 */
public final class SleeveDecryptor {

    private final boolean df;
    private final SecretBoxEngine box;
    private final byte[] nonce;
    private final ReplayWindow window = new ReplayWindow();

    /**
     * @param sessionKey      the connection's {@link SessionKey}
     * @param localIsOutbound true when we dialled the connection (so the peer's packets carry the inbound
     *                        polarity)
     * @param df              the DF flag of the packets this instance accepts
     */
    public SleeveDecryptor(byte[] sessionKey, boolean localIsOutbound, boolean df) {
        this(sessionKey, localIsOutbound, df, SecretBoxEngine.JAVA);
    }

    /**
     * The same, opening with an engine from {@code engines} (e.g. a native one the daemon loaded).
     *
     * @param engines makes the secretbox for {@code sessionKey}
     */
    public SleeveDecryptor(byte[] sessionKey, boolean localIsOutbound, boolean df,
            SecretBoxEngine.Factory engines) {
        this.df = df;
        this.box = engines.create(sessionKey);
        this.nonce = Nonces.withFlags(!localIsOutbound, false);
    }

    /**
     * Opens the encrypted packet of {@code length} bytes at {@code offset}, writing the frame list
     * ({@code length - PACKET_OVERHEAD_ENCRYPTED} bytes) at {@code outOffset} when the outcome is
     * {@link SleeveOpenOutcome#OK}; otherwise {@code out} is untouched. Decrypting in place is supported
     * with {@code out == packet} and {@code outOffset == offset + SleeveCrypto.CIPHERTEXT_OFFSET}.
     */
    public SleeveOpenOutcome open(byte[] packet, int offset, int length, byte[] out, int outOffset) {
        if (length < SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED) {
            return SleeveOpenOutcome.MALFORMED;
        }
        long seqNoAndDf = SleeveCrypto.readSeqNoAndDf(packet, offset);
        if (((seqNoAndDf & SleeveCrypto.DF_FLAG) != 0) != df) {
            return SleeveOpenOutcome.MALFORMED;
        }
        long sequence = seqNoAndDf & SleeveCrypto.SEQUENCE_MASK;
        ReplayWindow.Verdict verdict = window.check(sequence);
        if (verdict == ReplayWindow.Verdict.TOO_OLD) {
            return SleeveOpenOutcome.TOO_OLD;
        }
        if (verdict == ReplayWindow.Verdict.REPLAY) {
            return SleeveOpenOutcome.REPLAY;
        }
        Nonces.setCounter(nonce, seqNoAndDf);
        if (!box.openInto(nonce, packet, offset + SleeveCrypto.BOX_OFFSET, length - SleeveCrypto.BOX_OFFSET,
                out, outOffset)) {
            return SleeveOpenOutcome.FORGED;
        }
        window.accept(sequence);
        return SleeveOpenOutcome.OK;
    }

    /** The DF flag this instance accepts. */
    public boolean df() {
        return df;
    }
}
