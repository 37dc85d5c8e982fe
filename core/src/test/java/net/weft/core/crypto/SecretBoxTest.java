package net.weft.core.crypto;

import static net.weft.core.crypto.NaclVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.weft.core.wire.ParseResult;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    @Test
    void libsodiumSecretboxVectorSealsToTheTagFollowedByTheCiphertext() {
        byte[] box = SecretBox.seal(NaclVectors.BOX_KEY, NaclVectors.NONCE, NaclVectors.MESSAGE);
        assertThat(box).hasSize(NaclVectors.MESSAGE.length + SecretBox.TAG_BYTES)
                .isEqualTo(NaclVectors.BOXED_MESSAGE);
        assertThat(SecretBox.open(NaclVectors.BOX_KEY, NaclVectors.NONCE, box).value())
                .isEqualTo(NaclVectors.MESSAGE);
    }

    @Test
    void goSecretboxVectorWithRepeatedByteKeyAndNonce() {
        // golang.org/x/crypto/nacl/secretbox TestSecretBox: key of 1s, nonce of 2s, 64 bytes of 3s.
        byte[] box = SecretBox.seal(NaclVectors.filled(32, 1), NaclVectors.filled(24, 2), NaclVectors.filled(64, 3));
        assertThat(hex(box)).isEqualTo("8442bc313f4626f1359e3b50122b6ce6fe66ddfe7d39d14e637eb4fd5b45bead"
                + "ab55198df6ab5368439792a23c87db70acb6156dc5ef957ac04f6276cf6093b8"
                + "4be77ff0849cc33e34b7254d5a8f65ad");
    }

    @Test
    void anEmptyMessageBoxesToJustATag() {
        byte[] box = SecretBox.seal(NaclVectors.BOX_KEY, NaclVectors.NONCE, new byte[0]);
        assertThat(box).hasSize(SecretBox.TAG_BYTES);
        assertThat(SecretBox.open(NaclVectors.BOX_KEY, NaclVectors.NONCE, box).value()).isEmpty();
    }

    @Test
    void everySingleBitFlipIsRejected() {
        byte[] box = NaclVectors.BOXED_MESSAGE.clone();
        for (int i = 0; i < box.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                box[i] ^= (byte) (1 << bit);
                assertThat(SecretBox.open(NaclVectors.BOX_KEY, NaclVectors.NONCE, box).reason())
                        .as("byte %d bit %d", i, bit).isEqualTo("secretbox authentication failed");
                box[i] ^= (byte) (1 << bit);
            }
        }
    }

    @Test
    void wrongKeyWrongNonceAndTruncationAreRejected() {
        byte[] otherKey = NaclVectors.BOX_KEY.clone();
        otherKey[31] ^= 1;
        byte[] otherNonce = NaclVectors.NONCE.clone();
        otherNonce[23] ^= 1;
        assertThat(SecretBox.open(otherKey, NaclVectors.NONCE, NaclVectors.BOXED_MESSAGE).isOk()).isFalse();
        assertThat(SecretBox.open(NaclVectors.BOX_KEY, otherNonce, NaclVectors.BOXED_MESSAGE).isOk()).isFalse();
        byte[] shortened = Arrays.copyOf(NaclVectors.BOXED_MESSAGE, NaclVectors.BOXED_MESSAGE.length - 1);
        assertThat(SecretBox.open(NaclVectors.BOX_KEY, NaclVectors.NONCE, shortened).isOk()).isFalse();
        ParseResult<byte[]> tooShort = SecretBox.open(NaclVectors.BOX_KEY, NaclVectors.NONCE, new byte[15]);
        assertThat(tooShort.reason()).isEqualTo("secretbox of 15 bytes is shorter than its 16-byte tag");
    }

    @Test
    void failedOpenLeavesTheOutputBufferUntouched() {
        SecretBox box = new SecretBox(NaclVectors.BOX_KEY);
        byte[] forged = NaclVectors.BOXED_MESSAGE.clone();
        forged[100] ^= 0x20;
        byte[] out = NaclVectors.filled(200, 0x77);
        assertThat(box.openInto(NaclVectors.NONCE, forged, 0, forged.length, out, 10)).isFalse();
        assertThat(out).isEqualTo(NaclVectors.filled(200, 0x77));
        assertThat(box.openInto(NaclVectors.NONCE, forged, 0, 15, out, 10)).isFalse();
    }

    @Test
    void sealsAndOpensInPlaceAtOffsets() {
        SecretBox box = new SecretBox(NaclVectors.BOX_KEY);
        byte[] buffer = new byte[5 + SecretBox.TAG_BYTES + NaclVectors.MESSAGE.length + 3];
        System.arraycopy(NaclVectors.MESSAGE, 0, buffer, 5 + SecretBox.TAG_BYTES, NaclVectors.MESSAGE.length);
        int written = box.sealInto(NaclVectors.NONCE, buffer, 5 + SecretBox.TAG_BYTES, NaclVectors.MESSAGE.length,
                buffer, 5);
        assertThat(written).isEqualTo(NaclVectors.BOXED_MESSAGE.length);
        assertThat(Arrays.copyOfRange(buffer, 5, 5 + written)).isEqualTo(NaclVectors.BOXED_MESSAGE);
        assertThat(box.openInto(NaclVectors.NONCE, buffer, 5, written, buffer, 5 + SecretBox.TAG_BYTES)).isTrue();
        assertThat(Arrays.copyOfRange(buffer, 5 + SecretBox.TAG_BYTES, 5 + written)).isEqualTo(NaclVectors.MESSAGE);
    }

    @Test
    void aReusedInstanceAgreesWithOneOffBoxesForAnyMessage() {
        SecretBox reused = new SecretBox(NaclVectors.BOX_KEY);
        byte[] out = new byte[2048];
        byte[] opened = new byte[2048];
        qt().forAll(integers().between(0, 1500), longs().all()).checkAssert((length, seed) -> {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] message = new byte[length];
            byte[] nonce = new byte[SecretBox.NONCE_BYTES];
            random.nextBytes(message);
            random.nextBytes(nonce);
            int written = reused.sealInto(nonce, message, 0, length, out, 7);
            assertThat(Arrays.copyOfRange(out, 7, 7 + written))
                    .isEqualTo(SecretBox.seal(NaclVectors.BOX_KEY, nonce, message));
            assertThat(reused.openInto(nonce, out, 7, written, opened, 3)).isTrue();
            assertThat(Arrays.copyOfRange(opened, 3, 3 + length)).isEqualTo(message);
        });
    }

    @Test
    void wrongKeyOrNonceSizesAreCallerBugs() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretBox.seal(NaclVectors.BOX_KEY, new byte[12], new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
