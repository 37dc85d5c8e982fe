package net.weft.core.wire.gob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Finishing a stream with a []byte value in one allocation writes exactly what encoding it the usual way does. */
class BytesTailEncodingTest {

    @Test
    void the_single_copy_tail_equals_encoding_the_value_then_copying() {
        qt().withExamples(500).forAll(strings().allPossible().ofLengthBetween(0, 20), longs().all(),
                integers().between(0, 70_000), integers().between(0, 3)).checkAssert((text, number, size, front) -> {
                    byte[] value = new byte[size];
                    for (int i = 0; i < size; i++) {
                        value[i] = (byte) (i * 31 + number);
                    }
                    GobEncoder fast = new GobEncoder().encode(PredefinedType.STRING, text)
                            .encode(PredefinedType.UINT, number);
                    GobEncoder usual = new GobEncoder().encode(PredefinedType.STRING, text)
                            .encode(PredefinedType.UINT, number).encode(PredefinedType.BYTES, value);
                    byte[] got = fast.toByteArrayWithBytes(value, front);
                    byte[] expected = usual.toByteArray();
                    assertThat(Arrays.copyOfRange(got, front, got.length)).isEqualTo(expected);
                    assertThat(Arrays.copyOf(got, front)).isEqualTo(new byte[front]);
                });
    }
}
