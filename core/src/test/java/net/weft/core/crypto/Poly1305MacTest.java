package net.weft.core.crypto;

import static net.weft.core.crypto.NaclVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class Poly1305MacTest {

    private static final int MAX_LENGTH = 1100;

    @Test
    void rfc8439Section252Vector() {
        byte[] key = hex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
        byte[] message = "Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII);
        byte[] tag = new byte[Poly1305Mac.TAG_BYTES];
        Poly1305Mac.compute(Poly1305Mac.keyWords(key), message, 0, message.length, tag, 0);
        assertThat(NaclVectors.hex(tag)).isEqualTo("a8061dc1305136c6c22b8baf0c0127a9");
    }

    @Test
    void rfc8439AppendixA3VectorsThatNeedTheFinalReductionAndLongCarries() {
        // Test vectors #5 to #10 of RFC 8439 A.3 as {key, message, tag}: built so that h reaches or passes p
        // and carries run through every limb, which random inputs practically never do.
        String[][] vectors = {
            {"02" + "00".repeat(31), "ff".repeat(16), "03" + "00".repeat(15)},
            {"02" + "00".repeat(15) + "ff".repeat(16), "02" + "00".repeat(15), "03" + "00".repeat(15)},
            {"01" + "00".repeat(31), "ff".repeat(16) + "f0" + "ff".repeat(15) + "11" + "00".repeat(15),
                "05" + "00".repeat(15)},
            {"01" + "00".repeat(31), "ff".repeat(16) + "fb" + "fe".repeat(15) + "01".repeat(16), "00".repeat(16)},
            {"02" + "00".repeat(31), "fd" + "ff".repeat(15), "fa" + "ff".repeat(15)},
            {"0100000000000000040000000000000000000000000000000000000000000000",
                "e33594d7505e43b900000000000000003394d7505e4379cd0100000000000000"
                + "0000000000000000000000000000000001000000000000000000000000000000",
                "14000000000000005500000000000000"},
        };
        for (String[] vector : vectors) {
            byte[] key = hex(vector[0]);
            byte[] message = hex(vector[1]);
            assertThat(NaclVectors.hex(ours(key, message, 0, message.length))).as(vector[1]).isEqualTo(vector[2]);
            assertThat(bouncyCastle(key, message, 0, message.length)).isEqualTo(hex(vector[2]));
        }
    }

    @Test
    void agreesWithBouncyCastleForRandomKeysMessagesAndOffsets() {
        qt().forAll(integers().between(0, MAX_LENGTH), longs().all()).checkAssert((length, seed) -> {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] key = new byte[Poly1305Mac.KEY_BYTES];
            random.nextBytes(key);
            int offset = random.nextInt(20);
            byte[] message = new byte[offset + length];
            random.nextBytes(message);
            assertThat(ours(key, message, offset, length)).isEqualTo(bouncyCastle(key, message, offset, length));
        });
    }

    @Test
    void agreesWithBouncyCastleWhereCarriesAndTheFinalReductionAreLargest() {
        // All-ones keys and messages push every limb and the accumulator to the top of its range, so h >= p
        // before the final reduction; all-zero messages test the other end.
        for (int fill : new int[] {0x00, 0xff}) {
            for (int keyFill : new int[] {0x00, 0xff}) {
                for (int length = 0; length <= 100; length++) {
                    byte[] key = NaclVectors.filled(Poly1305Mac.KEY_BYTES, keyFill);
                    byte[] message = NaclVectors.filled(length, fill);
                    assertThat(ours(key, message, 0, length)).as("fill %x key %x length %d", fill, keyFill, length)
                            .isEqualTo(bouncyCastle(key, message, 0, length));
                }
            }
        }
    }

    @Test
    void writesTheTagAtItsOffsetOnly() {
        byte[] key = NaclVectors.filled(Poly1305Mac.KEY_BYTES, 3);
        byte[] message = NaclVectors.filled(40, 9);
        byte[] out = NaclVectors.filled(Poly1305Mac.TAG_BYTES + 10, 0x55);
        Poly1305Mac.compute(Poly1305Mac.keyWords(key), message, 0, message.length, out, 5);
        assertThat(Arrays.copyOfRange(out, 5, 5 + Poly1305Mac.TAG_BYTES)).isEqualTo(ours(key, message, 0, 40));
        assertThat(Arrays.copyOf(out, 5)).isEqualTo(NaclVectors.filled(5, 0x55));
        assertThat(Arrays.copyOfRange(out, 5 + Poly1305Mac.TAG_BYTES, out.length))
                .isEqualTo(NaclVectors.filled(5, 0x55));
    }

    private static byte[] ours(byte[] key, byte[] message, int offset, int length) {
        byte[] tag = new byte[Poly1305Mac.TAG_BYTES];
        Poly1305Mac.compute(Poly1305Mac.keyWords(key), message, offset, length, tag, 0);
        return tag;
    }

    private static byte[] bouncyCastle(byte[] key, byte[] message, int offset, int length) {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(key));
        mac.update(message, offset, length);
        byte[] tag = new byte[Poly1305Mac.TAG_BYTES];
        mac.doFinal(tag, 0);
        return tag;
    }
}
