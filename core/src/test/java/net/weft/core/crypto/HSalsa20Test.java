package net.weft.core.crypto;

import static net.weft.core.crypto.NaclVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HSalsa20Test {

    @Test
    void naclCore1TurnsTheAliceBobSecretIntoTheBoxKey() {
        assertThat(HSalsa20.hash(NaclVectors.SHARED_SECRET, new byte[16])).isEqualTo(NaclVectors.BOX_KEY);
    }

    @Test
    void naclCore2DerivesTheXSalsa20SubkeyForTheFirstHalfOfTheNonce() {
        byte[] firstHalfOfNonce = hex("69696ee955b62b73cd62bda875fc73d6");
        assertThat(hex(HSalsa20.hash(NaclVectors.BOX_KEY, firstHalfOfNonce)))
                .isEqualTo("dc908dda0b9344a953629b733820778880f3ceb421bb61b91cbd4c3e66256ce4");
    }

    @Test
    void writesAtAnOffsetAndLeavesTheRestAlone() {
        byte[] out = NaclVectors.filled(40, 0x55);
        HSalsa20.hash(NaclVectors.SHARED_SECRET, new byte[16], HSalsa20.SIGMA, out, 4);
        assertThat(java.util.Arrays.copyOfRange(out, 4, 36)).isEqualTo(NaclVectors.BOX_KEY);
        assertThat(out[3]).isEqualTo((byte) 0x55);
        assertThat(out[36]).isEqualTo((byte) 0x55);
    }

    @Test
    void wrongSizesAreCallerBugs() {
        assertThatThrownBy(() -> HSalsa20.hash(new byte[31], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HSalsa20.hash(new byte[32], new byte[24]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
