package net.weft.core.crypto;

/**
 * Opens every encrypted sleeve packet received from one peer over one connection: reads the clear DF flag
 * and hands the packet to the {@link SleeveDecryptor} of that flag, each with its own replay window (the
 * peer numbers DF and non-DF packets separately). Find the opener by the packet's clear sender name first.
 * Not thread-safe.
 */
public final class SleeveOpener {

    private final SleeveDecryptor dfDecryptor;
    private final SleeveDecryptor plainDecryptor;

    /**
     * @param sessionKey      the connection's {@link SessionKey}
     * @param localIsOutbound true when we dialled the connection
     */
    public SleeveOpener(byte[] sessionKey, boolean localIsOutbound) {
        this(sessionKey, localIsOutbound, SecretBoxEngine.JAVA);
    }

    /**
     * The same, opening with engines from {@code engines} (one per DF flag).
     *
     * @param engines makes the secretboxes for {@code sessionKey}
     */
    public SleeveOpener(byte[] sessionKey, boolean localIsOutbound, SecretBoxEngine.Factory engines) {
        this.dfDecryptor = new SleeveDecryptor(sessionKey, localIsOutbound, true, engines);
        this.plainDecryptor = new SleeveDecryptor(sessionKey, localIsOutbound, false, engines);
    }

    /**
     * Opens the packet of {@code length} bytes at {@code offset}; see
     * {@link SleeveDecryptor#open(byte[], int, int, byte[], int)} for the output and in-place rules.
     * On {@link SleeveOpenOutcome#OK} the frame list is {@code length - PACKET_OVERHEAD_ENCRYPTED} bytes.
     */
    public SleeveOpenOutcome open(byte[] packet, int offset, int length, byte[] out, int outOffset) {
        if (length < SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED) {
            return SleeveOpenOutcome.MALFORMED;
        }
        boolean df = (SleeveCrypto.readSeqNoAndDf(packet, offset) & SleeveCrypto.DF_FLAG) != 0;
        return (df ? dfDecryptor : plainDecryptor).open(packet, offset, length, out, outOffset);
    }
}
