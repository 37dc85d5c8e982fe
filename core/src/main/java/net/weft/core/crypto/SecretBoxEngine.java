package net.weft.core.crypto;

/**
 * One key's NaCl secretbox (XSalsa20-Poly1305) for packet rates, whatever computes it: our pure-Java
 * {@link SecretBox} or a binding to a native library the daemon supplies. Sleeve sealing and opening go through
 * this interface so the daemon can pick the fastest implementation while the core stays pure.
 *
 * <p>Every implementation must produce the same bytes: {@code box = tag(16) || ciphertext}, libsodium's
 * {@code crypto_secretbox_easy} layout, and must honour the same buffer rules as {@link SecretBox}:
 * <ul>
 *   <li>{@link #sealInto} in place when {@code in == out} and {@code inOffset == outOffset + TAG_BYTES};</li>
 *   <li>{@link #openInto} in place when {@code in == out} and {@code outOffset == inOffset + TAG_BYTES};</li>
 *   <li>otherwise input and output must not overlap;</li>
 *   <li>a failed {@link #openInto} leaves {@code out} untouched.</li>
 * </ul>
 * Instances keep scratch state and are not thread-safe; make one per sending or receiving path.
 */
public interface SecretBoxEngine {

    /** The pure-Java engine, {@link SecretBox}: always available, the default. */
    Factory JAVA = new Factory() {
        @Override
        public SecretBoxEngine create(byte[] key) {
            return new SecretBox(key);
        }

        @Override
        public String name() {
            return "java";
        }

        @Override
        public String toString() {
            return name();
        }
    };

    /**
     * Seals {@code length} bytes of {@code in} from {@code inOffset}, writing the tag at {@code outOffset} and
     * the ciphertext right after it.
     *
     * @param nonce {@link SecretBox#NONCE_BYTES} bytes
     * @return bytes written, {@code length + SecretBox.TAG_BYTES}
     * @throws IllegalArgumentException when the nonce has the wrong size (a caller bug)
     */
    int sealInto(byte[] nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /**
     * Opens the box of {@code length} bytes at {@code inOffset}, writing {@code length - TAG_BYTES} bytes of
     * plaintext at {@code outOffset} only when the tag is authentic.
     *
     * @return true when authentic (and decrypted); false when shorter than the tag or forged
     * @throws IllegalArgumentException when the nonce has the wrong size (a caller bug)
     */
    boolean openInto(byte[] nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /**
     * Makes engines bound to one key each; the router asks for one per connection direction and DF flag.
     * Implementations must be thread-safe (engines they make need not be).
     */
    interface Factory {

        /**
         * An engine for {@code key} ({@link SecretBox#KEY_BYTES} bytes, copied).
         *
         * @throws IllegalArgumentException when the key has the wrong size (a caller bug)
         */
        SecretBoxEngine create(byte[] key);

        /** A short name for logs and status, e.g. {@code java} or {@code libsodium}. */
        String name();
    }
}
