package net.weft.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.weft.core.wire.ParseResult;
import org.junit.jupiter.api.Test;

class TcpCryptoTest {

    private static final byte[] KEY = SessionKey.derive(NaclVectors.BOX_KEY, bytes("pw"));
    private static final byte[] OTHER_KEY = SessionKey.derive(NaclVectors.BOX_KEY, bytes("other pw"));

    /** The dialler (outbound) and listener (inbound) ends of one connection. */
    private final TcpCrypto.Sealer diallerSends = new TcpCrypto.Sealer(KEY, true);
    private final TcpCrypto.Opener listenerReceives = new TcpCrypto.Opener(KEY, false);
    private final TcpCrypto.Sealer listenerSends = new TcpCrypto.Sealer(KEY, false);
    private final TcpCrypto.Opener diallerReceives = new TcpCrypto.Opener(KEY, true);

    @Test
    void messagesFlowBothWaysInOrder() {
        for (int i = 0; i < 5; i++) {
            byte[] ping = bytes("ping " + i);
            byte[] pong = bytes("pong " + i);
            assertThat(listenerReceives.open(diallerSends.seal(ping)).value()).isEqualTo(ping);
            assertThat(diallerReceives.open(listenerSends.seal(pong)).value()).isEqualTo(pong);
        }
        assertThat(diallerSends.nextSequence()).isEqualTo(5);
        assertThat(listenerReceives.nextSequence()).isEqualTo(5);
    }

    @Test
    void nonceCarriesSenderPolarityTheTcpBitAndTheBigEndianCounter() {
        diallerSends.seal(bytes("first"));
        byte[] second = diallerSends.seal(bytes("second"));
        byte[] nonce = new byte[24];
        nonce[0] = (byte) 0xC0; // sender is outbound, TCP
        nonce[23] = 1;          // second message
        assertThat(second).isEqualTo(SecretBox.seal(KEY, nonce, bytes("second")));

        byte[] fromListener = listenerSends.seal(bytes("hello"));
        byte[] listenerNonce = new byte[24];
        listenerNonce[0] = 0x40; // sender is inbound, TCP
        assertThat(fromListener).isEqualTo(SecretBox.seal(KEY, listenerNonce, bytes("hello")));
        assertThat(fromListener).hasSize(5 + TcpCrypto.OVERHEAD_BYTES);
    }

    @Test
    void wrongPasswordFailsTheFirstMessage() {
        TcpCrypto.Opener wrongPassword = new TcpCrypto.Opener(OTHER_KEY, false);
        ParseResult<byte[]> result = wrongPassword.open(diallerSends.seal(bytes("features")));
        assertThat(result.reason()).startsWith("unable to decrypt TCP msg 0: authentication failed");
    }

    @Test
    void aMessageReflectedBackToItsSenderDoesNotOpen() {
        byte[] sealed = diallerSends.seal(bytes("mine"));
        assertThat(diallerReceives.open(sealed).isOk()).isFalse();
    }

    @Test
    void bitFlipsAndTruncationAreRejectedAndDoNotAdvanceTheCounter() {
        byte[] sealed = diallerSends.seal(bytes("gossip"));
        for (int i = 0; i < sealed.length; i++) {
            byte[] flipped = sealed.clone();
            flipped[i] ^= 0x01;
            assertThat(listenerReceives.open(flipped).isOk()).as("flip at %d", i).isFalse();
        }
        assertThat(listenerReceives.open(Arrays.copyOf(sealed, 15)).reason())
                .isEqualTo("unable to decrypt TCP msg 0: 15 bytes is shorter than the 16-byte tag");
        assertThat(listenerReceives.open(Arrays.copyOf(sealed, sealed.length - 1)).isOk()).isFalse();
        assertThat(listenerReceives.nextSequence()).isZero();
        assertThat(listenerReceives.open(sealed).value()).isEqualTo(bytes("gossip"));
    }

    @Test
    void replayedAndReorderedMessagesAreRejected() {
        byte[] first = diallerSends.seal(bytes("one"));
        byte[] second = diallerSends.seal(bytes("two"));
        assertThat(listenerReceives.open(second).reason()).startsWith("unable to decrypt TCP msg 0");
        assertThat(listenerReceives.open(first).isOk()).isTrue();
        assertThat(listenerReceives.open(first).reason()).startsWith("unable to decrypt TCP msg 1");
        assertThat(listenerReceives.open(second).value()).isEqualTo(bytes("two"));
    }

    @Test
    void sealsInPlaceAndOpensFromAnOffset() {
        byte[] buffer = new byte[4 + TcpCrypto.OVERHEAD_BYTES + 3];
        System.arraycopy(bytes("abc"), 0, buffer, 4 + TcpCrypto.OVERHEAD_BYTES, 3);
        int written = diallerSends.seal(buffer, 4 + TcpCrypto.OVERHEAD_BYTES, 3, buffer, 4);
        assertThat(written).isEqualTo(3 + TcpCrypto.OVERHEAD_BYTES);
        assertThat(listenerReceives.open(buffer, 4, written).value()).isEqualTo(bytes("abc"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
