package net.weft.core.crypto;

import static net.weft.core.crypto.NaclVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SessionKeyTest {

    private static final byte[] PASSWORD = "weave-secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void isSha256OfTheBoxKeyFollowedByThePassword() {
        // Expected value computed independently with Python's hashlib.sha256(firstkey + b"weave-secret").
        assertThat(hex(SessionKey.derive(NaclVectors.BOX_KEY, PASSWORD)))
                .isEqualTo("a2ffe3a56a47d877e0dc946ba828362224ccb21e18988b55369f1301670c766a");
        assertThat(hex(SessionKey.derive(NaclVectors.BOX_KEY, new byte[0])))
                .isEqualTo("c49dd01233796e3642bc1b9829070ef0a64eb0dd915b72ec3f3657529e5f6494");
    }

    @Test
    void bothEndsOfAHandshakeDeriveTheSameKeyOnlyWithTheSamePassword() {
        byte[] alice = SessionKey.derive(Box.beforenm(NaclVectors.BOB_PUBLIC, NaclVectors.ALICE_PRIVATE).value(),
                PASSWORD);
        byte[] bob = SessionKey.derive(Box.beforenm(NaclVectors.ALICE_PUBLIC, NaclVectors.BOB_PRIVATE).value(),
                PASSWORD);
        byte[] bobWrongPassword = SessionKey.derive(
                Box.beforenm(NaclVectors.ALICE_PUBLIC, NaclVectors.BOB_PRIVATE).value(),
                "weave-secreT".getBytes(StandardCharsets.UTF_8));
        assertThat(alice).hasSize(SessionKey.KEY_BYTES).isEqualTo(bob);
        assertThat(bobWrongPassword).isNotEqualTo(alice);
    }
}
