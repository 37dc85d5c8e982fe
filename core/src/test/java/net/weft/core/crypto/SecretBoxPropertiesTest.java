package net.weft.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Our secretbox against the BouncyCastle-composed reference and against itself, for random keys, nonces,
 * message lengths 0..3000 (crossing many keystream block and Poly1305 block boundaries) and buffer offsets.
 */
class SecretBoxPropertiesTest {

    private static final int MAX_LENGTH = 3000;
    private static final int MAX_OFFSET = 37;

    /** One random case: key, nonce, message and two offsets, all from one seed. */
    private record Case(byte[] key, byte[] nonce, byte[] message, int inOffset, int outOffset) {

        static Case of(int length, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] key = new byte[SecretBox.KEY_BYTES];
            byte[] nonce = new byte[SecretBox.NONCE_BYTES];
            byte[] message = new byte[length];
            random.nextBytes(key);
            random.nextBytes(nonce);
            random.nextBytes(message);
            return new Case(key, nonce, message, random.nextInt(MAX_OFFSET), random.nextInt(MAX_OFFSET));
        }

        /** The message placed at {@code inOffset} in a buffer with random bytes around it. */
        byte[] input() {
            byte[] in = new byte[inOffset + message.length + MAX_OFFSET];
            Arrays.fill(in, (byte) 0x5a);
            System.arraycopy(message, 0, in, inOffset, message.length);
            return in;
        }
    }

    @Test
    void sealingAtAnyOffsetsGivesTheReferenceBytes() {
        qt().forAll(integers().between(0, MAX_LENGTH), longs().all()).checkAssert((length, seed) -> {
            Case c = Case.of(length, seed);
            byte[] out = new byte[c.outOffset() + length + SecretBox.TAG_BYTES + MAX_OFFSET];
            int written = new SecretBox(c.key()).sealInto(c.nonce(), c.input(), c.inOffset(), length,
                    out, c.outOffset());
            assertThat(written).isEqualTo(length + SecretBox.TAG_BYTES);
            assertThat(Arrays.copyOfRange(out, c.outOffset(), c.outOffset() + written))
                    .isEqualTo(BouncyCastleSecretBox.seal(c.key(), c.nonce(), c.message(), 0, length));
            assertThat(Arrays.copyOfRange(out, 0, c.outOffset())).isEqualTo(new byte[c.outOffset()]);
            assertThat(Arrays.copyOfRange(out, c.outOffset() + written, out.length)).isEqualTo(new byte[MAX_OFFSET]);
        });
    }

    @Test
    void openingAtAnyOffsetsRecoversTheMessageAndAgreesWithTheReference() {
        qt().forAll(integers().between(0, MAX_LENGTH), longs().all()).checkAssert((length, seed) -> {
            Case c = Case.of(length, seed);
            byte[] box = SecretBox.seal(c.key(), c.nonce(), c.message());
            byte[] in = new byte[c.inOffset() + box.length];
            System.arraycopy(box, 0, in, c.inOffset(), box.length);
            byte[] out = new byte[c.outOffset() + length];
            assertThat(new SecretBox(c.key()).openInto(c.nonce(), in, c.inOffset(), box.length, out, c.outOffset()))
                    .isTrue();
            assertThat(Arrays.copyOfRange(out, c.outOffset(), out.length)).isEqualTo(c.message());
            assertThat(BouncyCastleSecretBox.open(c.key(), c.nonce(), box)).isEqualTo(c.message());
        });
    }

    @Test
    void anySingleBitFlipInTheBoxFailsToOpenAndLeavesTheOutputAlone() {
        qt().forAll(integers().between(0, MAX_LENGTH), longs().all()).checkAssert((length, seed) -> {
            Case c = Case.of(length, seed);
            byte[] box = SecretBox.seal(c.key(), c.nonce(), c.message());
            int bit = new SplittableRandom(~seed).nextInt(8 * box.length);
            box[bit >>> 3] ^= (byte) (1 << (bit & 7));
            byte[] out = new byte[length];
            Arrays.fill(out, (byte) 0x33);
            assertThat(new SecretBox(c.key()).openInto(c.nonce(), box, 0, box.length, out, 0))
                    .as("bit %d of %d", bit, 8 * box.length).isFalse();
            assertThat(out).isEqualTo(NaclVectors.filled(length, 0x33));
            assertThat(BouncyCastleSecretBox.open(c.key(), c.nonce(), box)).isNull();
        });
    }

    @Test
    void sealingAndOpeningInPlaceGiveTheSameBytesAsOutOfPlace() {
        qt().forAll(integers().between(0, MAX_LENGTH), longs().all()).checkAssert((length, seed) -> {
            Case c = Case.of(length, seed);
            SecretBox box = new SecretBox(c.key());
            byte[] expected = SecretBox.seal(c.key(), c.nonce(), c.message());
            int at = c.outOffset();
            byte[] buffer = new byte[at + SecretBox.TAG_BYTES + length + MAX_OFFSET];
            System.arraycopy(c.message(), 0, buffer, at + SecretBox.TAG_BYTES, length);
            box.sealInto(c.nonce(), buffer, at + SecretBox.TAG_BYTES, length, buffer, at);
            assertThat(Arrays.copyOfRange(buffer, at, at + expected.length)).isEqualTo(expected);
            assertThat(box.openInto(c.nonce(), buffer, at, expected.length, buffer, at + SecretBox.TAG_BYTES))
                    .isTrue();
            assertThat(Arrays.copyOfRange(buffer, at + SecretBox.TAG_BYTES, at + expected.length))
                    .isEqualTo(c.message());
            assertThat(Arrays.copyOfRange(buffer, at, at + SecretBox.TAG_BYTES))
                    .isEqualTo(Arrays.copyOf(expected, SecretBox.TAG_BYTES));
        });
    }

    @Test
    void oneInstanceSealsManyNoncesAndLengthsLikeFreshReferences() {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        new SplittableRandom(7).nextBytes(key);
        SecretBox reused = new SecretBox(key);
        byte[] out = new byte[MAX_LENGTH + SecretBox.TAG_BYTES];
        qt().forAll(integers().between(0, MAX_LENGTH), longs().all()).checkAssert((length, seed) -> {
            Case c = Case.of(length, seed);
            int written = reused.sealInto(c.nonce(), c.message(), 0, length, out, 0);
            assertThat(Arrays.copyOf(out, written))
                    .isEqualTo(BouncyCastleSecretBox.seal(key, c.nonce(), c.message(), 0, length));
        });
    }
}
