package net.weft.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.junit.jupiter.api.Test;

class XSalsa20CipherTest {

    /** Past two 16-block SIMD batches ({@link Salsa20Lanes}), so batches, single blocks and tails all run. */
    private static final int MAX_LENGTH = 2200;

    @Test
    void keystreamFromBlockZeroMatchesBouncyCastleAcrossBlockBoundaries() {
        qt().forAll(integers().between(0, MAX_LENGTH), longs().all()).checkAssert((length, seed) -> {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] key = randomBytes(random, XSalsa20Cipher.KEY_BYTES);
            byte[] nonce = randomBytes(random, XSalsa20Cipher.NONCE_BYTES);
            XSalsa20Cipher cipher = new XSalsa20Cipher(key);
            cipher.start(nonce);
            byte[] ours = new byte[length];
            cipher.xor(0, new byte[length], 0, ours, 0, length);
            assertThat(ours).isEqualTo(bouncyCastleKeystream(key, nonce, 0, length));
        });
    }

    @Test
    void laterBlocksAndBlockWordsMatchBouncyCastleAtTheirKeystreamPositions() {
        qt().forAll(integers().between(0, 3), longs().all()).checkAssert((counter, seed) -> {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] key = randomBytes(random, XSalsa20Cipher.KEY_BYTES);
            byte[] nonce = randomBytes(random, XSalsa20Cipher.NONCE_BYTES);
            int length = random.nextInt(MAX_LENGTH);
            XSalsa20Cipher cipher = new XSalsa20Cipher(key);
            cipher.start(nonce);
            int[] words = new int[XSalsa20Cipher.BLOCK_WORDS];
            cipher.block(counter, words);
            byte[] blockBytes = new byte[XSalsa20Cipher.BLOCK_BYTES];
            for (int i = 0; i < words.length; i++) {
                LittleEndianViews.INTS.set(blockBytes, 4 * i, words[i]);
            }
            int start = counter * XSalsa20Cipher.BLOCK_BYTES;
            assertThat(blockBytes).isEqualTo(bouncyCastleKeystream(key, nonce, start, XSalsa20Cipher.BLOCK_BYTES));
            byte[] ours = new byte[length];
            cipher.xor(counter, new byte[length], 0, ours, 0, length);
            assertThat(ours).isEqualTo(bouncyCastleKeystream(key, nonce, start, length));
        });
    }

    @Test
    void xorWorksInPlaceAndAtOffsetsAndInvertsItself() {
        qt().forAll(integers().between(0, MAX_LENGTH), longs().all()).checkAssert((length, seed) -> {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] key = randomBytes(random, XSalsa20Cipher.KEY_BYTES);
            byte[] nonce = randomBytes(random, XSalsa20Cipher.NONCE_BYTES);
            byte[] message = randomBytes(random, length);
            int offset = random.nextInt(13);
            XSalsa20Cipher cipher = new XSalsa20Cipher(key);
            cipher.start(nonce);
            byte[] outOfPlace = new byte[length + 3];
            cipher.xor(0, message, 0, outOfPlace, 3, length);
            byte[] buffer = new byte[offset + length];
            System.arraycopy(message, 0, buffer, offset, length);
            cipher.xor(0, buffer, offset, buffer, offset, length);
            assertThat(Arrays.copyOfRange(buffer, offset, buffer.length))
                    .isEqualTo(Arrays.copyOfRange(outOfPlace, 3, outOfPlace.length));
            cipher.xor(0, buffer, offset, buffer, offset, length);
            assertThat(Arrays.copyOfRange(buffer, offset, buffer.length)).isEqualTo(message);
        });
    }

    @Test
    void batchesCarryTheCounterIntoItsHighWordLikeSingleBlocks() {
        byte[] key = NaclVectors.filled(XSalsa20Cipher.KEY_BYTES, 4);
        XSalsa20Cipher cipher = new XSalsa20Cipher(key);
        cipher.start(NaclVectors.filled(XSalsa20Cipher.NONCE_BYTES, 5));
        long firstCounter = (1L << 32) - 5;
        byte[] batch = new byte[Salsa20Lanes.BATCH_BYTES];
        cipher.xor(firstCounter, new byte[batch.length], 0, batch, 0, batch.length);
        byte[] blockByBlock = new byte[batch.length];
        int[] words = new int[XSalsa20Cipher.BLOCK_WORDS];
        for (int j = 0; j < Salsa20Lanes.LANES; j++) {
            cipher.block(firstCounter + j, words);
            for (int w = 0; w < words.length; w++) {
                LittleEndianViews.INTS.set(blockByBlock, j * XSalsa20Cipher.BLOCK_BYTES + 4 * w, words[w]);
            }
        }
        assertThat(batch).isEqualTo(blockByBlock);
    }

    @Test
    void restartingWithANewNonceReplacesTheWholeState() {
        byte[] key = NaclVectors.filled(XSalsa20Cipher.KEY_BYTES, 1);
        byte[] first = NaclVectors.filled(XSalsa20Cipher.NONCE_BYTES, 2);
        byte[] second = NaclVectors.filled(XSalsa20Cipher.NONCE_BYTES, 3);
        XSalsa20Cipher cipher = new XSalsa20Cipher(key);
        byte[] out = new byte[200];
        cipher.start(first);
        cipher.xor(0, new byte[200], 0, out, 0, 200);
        cipher.start(second);
        cipher.xor(0, new byte[200], 0, out, 0, 200);
        assertThat(out).isEqualTo(bouncyCastleKeystream(key, second, 0, 200));
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code length} bytes of BouncyCastle's XSalsa20 keystream from byte {@code start}. */
    private static byte[] bouncyCastleKeystream(byte[] key, byte[] nonce, int start, int length) {
        XSalsa20Engine salsa = BouncyCastleSecretBox.keyed(key, nonce);
        byte[] all = new byte[start + length];
        salsa.processBytes(new byte[all.length], 0, all.length, all, 0);
        return Arrays.copyOfRange(all, start, all.length);
    }
}
