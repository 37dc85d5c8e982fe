package net.weft.core.crypto;

import static net.weft.core.crypto.NaclVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.weft.core.wire.ParseResult;
import org.junit.jupiter.api.Test;

class X25519Test {

    @Test
    void rfc7748Section52ScalarMultiplicationVectors() {
        assertThat(x25519("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
                "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))
                .isEqualTo("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
        // The u-coordinate has its top bit set, which X25519 must ignore.
        assertThat(x25519("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
                "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"))
                .isEqualTo("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
    }

    @Test
    void rfc7748Section52IteratedVectorAfterOneAndOneThousandRounds() {
        byte[] k = hex("0900000000000000000000000000000000000000000000000000000000000000");
        byte[] u = k.clone();
        for (int round = 1; round <= 1000; round++) {
            byte[] next = X25519.sharedSecret(k, u).value();
            u = k;
            k = next;
            if (round == 1) {
                assertThat(hex(k)).isEqualTo("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
            }
        }
        assertThat(hex(k)).isEqualTo("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
    }

    @Test
    void rfc7748Section61AliceAndBobAgreeOnTheSharedSecret() {
        assertThat(X25519.publicKey(NaclVectors.ALICE_PRIVATE)).isEqualTo(NaclVectors.ALICE_PUBLIC);
        assertThat(X25519.publicKey(NaclVectors.BOB_PRIVATE)).isEqualTo(NaclVectors.BOB_PUBLIC);
        assertThat(X25519.sharedSecret(NaclVectors.ALICE_PRIVATE, NaclVectors.BOB_PUBLIC).value())
                .isEqualTo(NaclVectors.SHARED_SECRET);
        assertThat(X25519.sharedSecret(NaclVectors.BOB_PRIVATE, NaclVectors.ALICE_PUBLIC).value())
                .isEqualTo(NaclVectors.SHARED_SECRET);
    }

    @Test
    void lowOrderPeerPointsAreRejectedBecauseTheSecretWouldBeZero() {
        String[] lowOrderPoints = {
            "0000000000000000000000000000000000000000000000000000000000000000", // u = 0
            "0100000000000000000000000000000000000000000000000000000000000000", // u = 1, order 4
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // u = p - 1, order 2
        };
        for (String point : lowOrderPoints) {
            ParseResult<byte[]> result = X25519.sharedSecret(NaclVectors.ALICE_PRIVATE, hex(point));
            assertThat(result.isOk()).as(point).isFalse();
            assertThat(result.reason()).contains("low-order");
        }
    }

    @Test
    void wrongKeyLengthsAreRejectedWithAReason() {
        assertThat(X25519.sharedSecret(NaclVectors.ALICE_PRIVATE, new byte[31]).reason())
                .isEqualTo("peer public key must be 32 bytes, got 31");
        assertThat(X25519.sharedSecret(NaclVectors.ALICE_PRIVATE, null).reason())
                .isEqualTo("peer public key must be 32 bytes, got none");
        assertThat(X25519.sharedSecret(new byte[33], NaclVectors.BOB_PUBLIC).reason())
                .isEqualTo("X25519 private key must be 32 bytes, got 33");
        assertThatThrownBy(() -> X25519.publicKey(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static String x25519(String scalar, String u) {
        return hex(X25519.sharedSecret(hex(scalar), hex(u)).value());
    }
}
