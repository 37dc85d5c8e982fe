package net.weft.core.wire.gob;

import static net.weft.core.wire.gob.GobStreams.intHex;
import static net.weft.core.wire.gob.GobStreams.uintHex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.weft.core.wire.Hex;
import org.junit.jupiter.api.Test;

/** The encodings spelled out in the gob specification and the control-plane notes. */
class GobPrimitivesTest {

    @Test
    void unsignedIntegersUseOneByteBelow128ElseANegatedByteCount() {
        assertThat(uintHex(0)).isEqualTo("00");
        assertThat(uintHex(7)).isEqualTo("07");
        assertThat(uintHex(127)).isEqualTo("7f");
        assertThat(uintHex(128)).isEqualTo("ff80");
        assertThat(uintHex(255)).isEqualTo("ffff");
        assertThat(uintHex(256)).isEqualTo("fe0100");
        assertThat(uintHex(0x8a3e3e3e3e3eL)).isEqualTo("fa8a3e3e3e3e3e");
        assertThat(uintHex(1L << 63)).isEqualTo("f88000000000000000");
        assertThat(uintHex(-1L)).isEqualTo("f8ffffffffffffffff");
    }

    @Test
    void signedIntegersKeepTheComplementFlagInBitZero() {
        assertThat(intHex(0)).isEqualTo("00");
        assertThat(intHex(1)).isEqualTo("02");
        assertThat(intHex(-1)).isEqualTo("01");
        assertThat(intHex(-129)).isEqualTo("fe0101");
        assertThat(intHex(66)).isEqualTo("ff84");
        assertThat(intHex(-66)).isEqualTo("ff83");
        assertThat(intHex(Long.MIN_VALUE)).isEqualTo("f8ffffffffffffffff");
        assertThat(intHex(Long.MAX_VALUE)).isEqualTo("f8fffffffffffffffe");
    }

    @Test
    void topLevelValuesGetATypeIdAndASingletonMarker() {
        assertThat(Hex.of(GobEncoder.encodeOne(PredefinedType.STRING, "topology")))
                .isEqualTo("0b0c0008746f706f6c6f6779");
        assertThat(Hex.of(GobEncoder.encodeOne(PredefinedType.FLOAT, 17.0))).isEqualTo("0508" + "00" + "fe3140");
        assertThat(Hex.of(GobEncoder.encodeOne(PredefinedType.BOOL, true))).isEqualTo("03020001");
        assertThat(Hex.of(GobEncoder.encodeOne(PredefinedType.BYTES, new byte[0]))).isEqualTo("030a0000");
    }

    @Test
    void structsSendNonZeroFieldsAsDeltasAndEndWithZero() {
        StructType t = new StructType(65, "P", List.of(StructType.field("X", PredefinedType.INT),
                StructType.field("Y", PredefinedType.INT), StructType.field("Name", PredefinedType.STRING)));
        byte[] stream = GobEncoder.encodeOne(t, GobStruct.of(t, 3L, 0L, "ab"));
        String definition = "24" + "ff81" + "03" + "01" + "0101" + "50" + "01" + "ff82" + "00"
                + "0103" + "0101580104" + "00" + "0101590104" + "00" + "01044e616d65010c" + "00" + "00" + "00";
        assertThat(Hex.of(stream)).isEqualTo(definition + "09" + "ff82" + "0106" + "0202" + "6162" + "00");
    }

    @Test
    void typesAreDefinedOncePerStreamAndOuterTypesFirst() {
        StructType elem = new StructType(65, "E", List.of(StructType.field("A", PredefinedType.UINT)));
        SliceType slice = SliceType.of(66, elem);
        GobEncoder enc = new GobEncoder();
        enc.encode(slice, List.of(GobStruct.of(elem, 1L)));
        int afterFirst = enc.size();
        enc.encode(slice, List.of());
        byte[] bytes = enc.toByteArray();
        // Second value: length 4, id 66, singleton marker, count 0; no new definitions.
        assertThat(bytes.length - afterFirst).isEqualTo(5);
        String hex = Hex.of(bytes);
        assertThat(hex.indexOf("ff83" + "02")).isLessThan(hex.indexOf("ff81" + "03"));
    }

    @Test
    void mapsKeepTheGivenEntryOrder() {
        MapType m = MapType.of(66, PredefinedType.STRING, PredefinedType.UINT);
        Map<String, Long> entries = new LinkedHashMap<>();
        entries.put("z", 1L);
        entries.put("a", 300L);
        byte[] stream = GobEncoder.encodeOne(m, entries);
        assertThat(Hex.of(stream)).endsWith("00" + "02" + "017a" + "01" + "0161" + "fe012c");
        Map<?, ?> decoded = new GobDecoder(stream).nextMap(m).value();
        assertThat(List.copyOf(decoded.keySet())).isEqualTo(List.of("z", "a"));
    }
}
