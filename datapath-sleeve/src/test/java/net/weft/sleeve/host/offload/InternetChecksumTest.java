package net.weft.sleeve.host.offload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast checksum agrees with the literal RFC 1071 definition at every length and offset. */
class InternetChecksumTest {

    @Test
    void the_sum_of_any_bytes_at_any_offset_folds_to_the_reference_sum() {
        qt().withExamples(2_000).forAll(integers().between(0, 3_000), integers().between(0, 9), integers().all())
                .checkAssert((length, offset, seed) -> {
                    byte[] buf = new byte[offset + length];
                    new Random(seed).nextBytes(buf);

                    int sum = InternetChecksum.fold(InternetChecksum.add(0, buf, offset, length));

                    assertThat(sum).isEqualTo(ReferenceChecksum.onesComplementSum(
                            Arrays.copyOfRange(buf, offset, offset + length)));
                });
    }

    @Test
    void a_64_kb_run_of_all_ones_does_not_overflow() {
        byte[] ones = new byte[65_536];
        Arrays.fill(ones, (byte) 0xFF);

        assertThat(InternetChecksum.fold(InternetChecksum.add(0, ones, 0, ones.length))).isEqualTo(0xFFFF);
        assertThat(InternetChecksum.finish(InternetChecksum.add(0, new byte[] {0x45, 0}, 0, 2))).isEqualTo(0xBAFF);
    }
}
