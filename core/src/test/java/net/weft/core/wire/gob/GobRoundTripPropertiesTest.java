package net.weft.core.wire.gob;

import static net.weft.core.wire.gob.StructType.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.weft.core.wire.WireGenerators;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Whatever we encode, our decoder gives back, for every kind of value the codec supports. */
class GobRoundTripPropertiesTest {

    private static final StructType INNER = new StructType(66, "Inner", List.of(
            field("Name", PredefinedType.STRING), field("Count", PredefinedType.UINT)));
    private static final SliceType INNERS = SliceType.of(67, INNER);
    private static final MapType COUNTS = MapType.of(68, PredefinedType.STRING, PredefinedType.INT);
    private static final StructType ALL = new StructType(65, "All", List.of(
            field("B", PredefinedType.BOOL), field("I", PredefinedType.INT), field("U", PredefinedType.UINT),
            field("F", PredefinedType.FLOAT), field("S", PredefinedType.STRING), field("Y", PredefinedType.BYTES),
            field("L", INNERS), field("M", COUNTS), field("N", INNER)));

    @Test
    void unsignedIntegers() {
        qt().forAll(WireGenerators.uints()).checkAssert(v -> {
            GobDecoder dec = new GobDecoder(GobEncoder.encodeOne(PredefinedType.UINT, v));
            assertThat(dec.nextUint().value()).isEqualTo(v);
            assertThat(dec.atEnd()).isTrue();
        });
    }

    @Test
    void signedIntegers() {
        qt().forAll(WireGenerators.ints()).checkAssert(v ->
                assertThat(new GobDecoder(GobEncoder.encodeOne(PredefinedType.INT, v)).nextInt().value()).isEqualTo(v));
    }

    @Test
    void stringsIncludingNonAscii() {
        qt().forAll(WireGenerators.strings(40)).checkAssert(s ->
                assertThat(new GobDecoder(GobEncoder.encodeOne(PredefinedType.STRING, s)).nextString().value())
                        .isEqualTo(s));
    }

    @Test
    void byteArrays() {
        qt().forAll(WireGenerators.bytes(300)).checkAssert(b ->
                assertThat(new GobDecoder(GobEncoder.encodeOne(PredefinedType.BYTES, b)).nextBytes().value())
                        .isEqualTo(b));
    }

    @Test
    void floats() {
        qt().forAll(doubles().any()).checkAssert(d ->
                assertThat(new GobDecoder(GobEncoder.encodeOne(PredefinedType.FLOAT, d)).next(PredefinedType.FLOAT)
                        .value()).isEqualTo(d));
    }

    @Test
    void mapsKeepEntriesAndOrder() {
        qt().forAll(counts()).checkAssert(m -> {
            Map<Object, Object> back = new GobDecoder(GobEncoder.encodeOne(COUNTS, m)).nextMap(COUNTS).value();
            assertThat(List.copyOf(back.entrySet())).isEqualTo(List.copyOf(m.entrySet()));
        });
    }

    @Test
    void structsWithEveryKindOfField() {
        qt().forAll(alls()).checkAssert(s -> {
            byte[] bytes = GobEncoder.encodeOne(ALL, s);
            GobStruct back = new GobDecoder(bytes).nextStruct(ALL).value();
            assertThat(back).isEqualTo(s);
            assertThat(GobEncoder.encodeOne(ALL, back)).isEqualTo(bytes);
        });
    }

    @Test
    void slicesOfStructsAndSeveralValuesOnOneStream() {
        qt().forAll(lists().of(alls()).ofSizeBetween(0, 5), WireGenerators.strings(8)).checkAssert((list, s) -> {
            SliceType allSlice = SliceType.of(69, ALL);
            GobEncoder enc = new GobEncoder().encode(allSlice, list).encode(PredefinedType.STRING, s);
            for (GobStruct one : list) {
                enc.encode(ALL, one);
            }
            GobDecoder dec = new GobDecoder(enc.toByteArray());
            assertThat(GobValues.deepEquals(dec.nextList(allSlice).value(), list)).isTrue();
            assertThat(dec.nextString().value()).isEqualTo(s);
            for (GobStruct one : list) {
                assertThat(dec.nextStruct(ALL).value()).isEqualTo(one);
            }
            assertThat(dec.atEnd()).isTrue();
        });
    }

    @Test
    void skippingAnyEncodedValueConsumesItExactly() {
        qt().forAll(alls(), WireGenerators.uints()).checkAssert((s, u) -> {
            GobDecoder dec = new GobDecoder(new GobEncoder().encode(ALL, s).encode(PredefinedType.UINT, u)
                    .toByteArray());
            assertThat(dec.skipNext().value()).isEqualTo(ALL.id());
            assertThat(dec.nextUint().value()).isEqualTo(u);
        });
    }

    private static Gen<Map<Object, Object>> counts() {
        return lists().of(WireGenerators.strings(6).zip(WireGenerators.ints(), Map::entry)).ofSizeBetween(0, 6)
                .map(entries -> {
                    Map<Object, Object> m = new LinkedHashMap<>();
                    entries.forEach(e -> m.putIfAbsent(e.getKey(), e.getValue()));
                    return m;
                });
    }

    private static Gen<GobStruct> inners() {
        return WireGenerators.strings(6).zip(WireGenerators.uints(), (n, c) -> GobStruct.of(INNER, n, c));
    }

    /** Negative zero is left out of structs as zero (Go compares it equal to 0), so it comes back as +0.0. */
    private static Gen<GobStruct> alls() {
        Gen<Object[]> scalars = booleans().all().zip(WireGenerators.ints(), WireGenerators.uints(), doubles().any(),
                (b, i, u, f) -> new Object[] {b, i, u, f == 0.0 ? 0.0 : f});
        Gen<Object[]> rest = WireGenerators.strings(10).zip(WireGenerators.bytes(12),
                lists().of(inners()).ofSizeBetween(0, 3), counts(), inners(),
                (s, y, l, m, n) -> new Object[] {s, y, l, m, n});
        return scalars.zip(rest, (a, b) -> GobStruct.of(ALL, a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3], b[4]));
    }
}
