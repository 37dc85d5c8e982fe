package net.weft.sleeve.host.sodium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.weft.core.crypto.SecretBox;
import net.weft.core.crypto.SecretBoxEngine;
import org.junit.jupiter.api.Test;

/**
 * libsodium's secretbox against ours: the same bytes for random keys, nonces, lengths and offsets, in place and
 * between separate buffers; each opens the other's boxes; neither opens a tampered box nor writes its output
 * then. Lengths run to 3000 bytes, past the native engine's first staging area, and mostly above
 * {@link SodiumSecretBox#NATIVE_MIN_BYTES}, below which it hands messages to Java; the raw binding is also held
 * to the Java bytes at every length.
 */
class SodiumSecretBoxTest {

    private static final int MAX_LENGTH = 3000;
    private static final int MAX_OFFSET = 40;

    @Test
    void theNativeEngineSealsTheSameBytesAsTheJavaOneBetweenSeparateBuffers() {
        SecretBoxEngine.Factory sodium = NativeSodium.engines();
        qt().forAll(longs().all(), integers().between(0, MAX_LENGTH), integers().between(0, MAX_OFFSET),
                integers().between(0, MAX_OFFSET)).checkAssert((seed, length, inOffset, outOffset) -> {
                    Material m = new Material(seed, length);
                    byte[] in = m.placed(inOffset);
                    byte[] javaOut = new byte[outOffset + length + SecretBox.TAG_BYTES];
                    byte[] nativeOut = javaOut.clone();

                    int javaLength = new SecretBox(m.key).sealInto(m.nonce, in, inOffset, length, javaOut, outOffset);
                    int nativeLength = sodium.create(m.key).sealInto(m.nonce, in, inOffset, length, nativeOut,
                            outOffset);

                    assertThat(nativeLength).isEqualTo(javaLength).isEqualTo(length + SecretBox.TAG_BYTES);
                    assertThat(nativeOut).isEqualTo(javaOut);
                    assertThat(Arrays.copyOfRange(nativeOut, outOffset, nativeOut.length))
                            .isEqualTo(SecretBox.seal(m.key, m.nonce, m.plaintext));
                });
    }

    @Test
    void theNativeEngineSealsAndOpensInPlaceLikeTheJavaOne() {
        SecretBoxEngine.Factory sodium = NativeSodium.engines();
        qt().forAll(longs().all(), integers().between(0, MAX_LENGTH), integers().between(0, MAX_OFFSET))
                .checkAssert((seed, length, offset) -> {
                    Material m = new Material(seed, length);
                    byte[] viaJava = m.placed(offset + SecretBox.TAG_BYTES);
                    byte[] viaNative = viaJava.clone();

                    new SecretBox(m.key).sealInto(m.nonce, viaJava, offset + SecretBox.TAG_BYTES, length, viaJava,
                            offset);
                    sodium.create(m.key).sealInto(m.nonce, viaNative, offset + SecretBox.TAG_BYTES, length,
                            viaNative, offset);
                    assertThat(viaNative).isEqualTo(viaJava);

                    int boxLength = length + SecretBox.TAG_BYTES;
                    assertThat(sodium.create(m.key).openInto(m.nonce, viaNative, offset, boxLength, viaNative,
                            offset + SecretBox.TAG_BYTES)).isTrue();
                    assertThat(Arrays.copyOfRange(viaNative, offset + SecretBox.TAG_BYTES, offset + boxLength))
                            .isEqualTo(m.plaintext);
                });
    }

    @Test
    void eachEngineOpensTheOthersBoxesBetweenSeparateBuffers() {
        SecretBoxEngine.Factory sodium = NativeSodium.engines();
        qt().forAll(longs().all(), integers().between(0, MAX_LENGTH), integers().between(0, MAX_OFFSET))
                .checkAssert((seed, length, outOffset) -> {
                    Material m = new Material(seed, length);
                    byte[] box = SecretBox.seal(m.key, m.nonce, m.plaintext);
                    byte[] out = new byte[outOffset + length];

                    assertThat(sodium.create(m.key).openInto(m.nonce, box, 0, box.length, out, outOffset)).isTrue();
                    assertThat(Arrays.copyOfRange(out, outOffset, out.length)).isEqualTo(m.plaintext);

                    byte[] nativeBox = new byte[box.length];
                    sodium.create(m.key).sealInto(m.nonce, m.plaintext, 0, length, nativeBox, 0);
                    assertThat(SecretBox.open(m.key, m.nonce, nativeBox).value()).isEqualTo(m.plaintext);
                });
    }

    @Test
    void neitherEngineOpensATamperedBoxNorWritesItsOutputThen() {
        SecretBoxEngine.Factory sodium = NativeSodium.engines();
        qt().forAll(longs().all(), integers().between(0, MAX_LENGTH), integers().between(0, Integer.MAX_VALUE))
                .checkAssert((seed, length, flipAt) -> {
                    Material m = new Material(seed, length);
                    byte[] box = SecretBox.seal(m.key, m.nonce, m.plaintext);
                    int bit = flipAt % (box.length * Byte.SIZE);
                    box[bit / Byte.SIZE] ^= (byte) (1 << (bit % Byte.SIZE));
                    byte[] javaOut = filled(length, (byte) 0x5A);
                    byte[] nativeOut = filled(length, (byte) 0x5A);

                    assertThat(new SecretBox(m.key).openInto(m.nonce, box, 0, box.length, javaOut, 0)).isFalse();
                    assertThat(sodium.create(m.key).openInto(m.nonce, box, 0, box.length, nativeOut, 0)).isFalse();
                    assertThat(nativeOut).isEqualTo(javaOut).isEqualTo(filled(length, (byte) 0x5A));
                });
    }

    @Test
    void libsodiumCalledDirectlySealsWhatTheJavaSecretBoxSealsAtEveryLength() {
        NativeSodium.engines();
        LibSodium api = Sodium.binding().orElseThrow();
        qt().forAll(longs().all(), integers().between(0, MAX_LENGTH)).checkAssert((seed, length) -> {
            Material m = new Material(seed, length);
            ByteBuffer staging = ByteBuffer.allocateDirect(SecretBox.KEY_BYTES + SecretBox.NONCE_BYTES
                    + 2 * length + SecretBox.TAG_BYTES);
            long address = jnr.ffi.Pointer.wrap(jnr.ffi.Runtime.getRuntime(api), staging).address();
            int nonceAt = SecretBox.KEY_BYTES;
            int messageAt = nonceAt + SecretBox.NONCE_BYTES;
            int boxAt = messageAt + length;
            staging.put(0, m.key).put(nonceAt, m.nonce).put(messageAt, m.plaintext);

            assertThat(api.crypto_secretbox_easy(address + boxAt, address + messageAt, length,
                    address + nonceAt, address)).isZero();
            byte[] box = new byte[length + SecretBox.TAG_BYTES];
            staging.get(boxAt, box);
            assertThat(box).isEqualTo(SecretBox.seal(m.key, m.nonce, m.plaintext));
        });
    }

    @Test
    void aBoxShorterThanItsTagIsRefusedAndAWrongNonceOrKeySizeIsACallerBug() {
        SecretBoxEngine.Factory sodium = NativeSodium.engines();
        SecretBoxEngine box = sodium.create(new byte[SecretBox.KEY_BYTES]);

        assertThat(box.openInto(new byte[SecretBox.NONCE_BYTES], new byte[15], 0, 15, new byte[0], 0)).isFalse();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> box.sealInto(new byte[8], new byte[1], 0, 1, new byte[17], 0));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> sodium.create(new byte[16]));
        assertThat(sodium.name()).isEqualTo("libsodium");
    }

    private static byte[] filled(int length, byte value) {
        byte[] out = new byte[length];
        Arrays.fill(out, value);
        return out;
    }

    /** A key, nonce and plaintext drawn from one seed. */
    private static final class Material {
        final byte[] key = new byte[SecretBox.KEY_BYTES];
        final byte[] nonce = new byte[SecretBox.NONCE_BYTES];
        final byte[] plaintext;
        private final SplittableRandom random;

        Material(long seed, int length) {
            random = new SplittableRandom(seed);
            plaintext = new byte[length];
            random.nextBytes(key);
            random.nextBytes(nonce);
            random.nextBytes(plaintext);
        }

        /** The plaintext at {@code offset} in a larger array of random bytes (room for a tag after it). */
        byte[] placed(int offset) {
            byte[] out = new byte[offset + plaintext.length + SecretBox.TAG_BYTES];
            random.nextBytes(out);
            System.arraycopy(plaintext, 0, out, offset, plaintext.length);
            return out;
        }
    }
}
