package net.weft.core.crypto;

import static net.weft.core.crypto.NaclVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void beforenmMatchesNaclFirstKeyFromEitherSide() {
        assertThat(Box.beforenm(NaclVectors.BOB_PUBLIC, NaclVectors.ALICE_PRIVATE).value())
                .isEqualTo(NaclVectors.BOX_KEY);
        assertThat(Box.beforenm(NaclVectors.ALICE_PUBLIC, NaclVectors.BOB_PRIVATE).value())
                .isEqualTo(NaclVectors.BOX_KEY);
    }

    @Test
    void naclBoxVectorIsBeforenmThenSecretbox() {
        // NaCl box.c / libsodium box.c: Alice boxes the 131-byte message for Bob.
        byte[] key = Box.beforenm(NaclVectors.BOB_PUBLIC, NaclVectors.ALICE_PRIVATE).value();
        assertThat(SecretBox.seal(key, NaclVectors.NONCE, NaclVectors.MESSAGE)).isEqualTo(NaclVectors.BOXED_MESSAGE);
    }

    @Test
    void goNaclBoxVectorWithRepeatedByteKeys() {
        // golang.org/x/crypto/nacl/box TestBox: keys of all 1s and all 2s, 64 bytes of 3s, nonce of 4s.
        byte[] publicKey1 = X25519.publicKey(NaclVectors.filled(32, 1));
        byte[] key = Box.beforenm(publicKey1, NaclVectors.filled(32, 2)).value();
        byte[] box = SecretBox.seal(key, NaclVectors.filled(24, 4), NaclVectors.filled(64, 3));
        assertThat(hex(box)).isEqualTo("78ea30b19d2341ebbdba54180f821eec265cf86312549bea8a37652a8bb94f07"
                + "b78a73ed1708085e6ddd0e943bbdeb8755079a37eb31d86163ce241164a47629"
                + "c0539f330b4914cd135b3855bc2a2dfc");
    }

    @Test
    void lowOrderPeerKeyIsRejectedBeforeHashing() {
        assertThat(Box.beforenm(new byte[32], NaclVectors.ALICE_PRIVATE).reason()).contains("low-order");
        assertThat(Box.beforenm(new byte[7], NaclVectors.ALICE_PRIVATE).reason()).contains("32 bytes");
    }
}
