package net.weft.core.wire.gob;

import static net.weft.core.wire.gob.GobStreams.intHex;
import static net.weft.core.wire.gob.GobStreams.stream;
import static net.weft.core.wire.gob.GobStreams.uintHex;
import static net.weft.core.wire.gob.StructType.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.weft.core.wire.Hex;
import net.weft.core.wire.ParseResult;
import org.junit.jupiter.api.Test;

/** Every way a stream can be refused, each with its reason. */
class GobRejectionTest {

    private static final String SLICE_OF_UINT_DEF = "02" + "01" + "02ff82" + "00" + "0106" + "00" + "00";
    private static final SliceType UINTS = SliceType.of(65, PredefinedType.UINT);

    @Test
    void emptyStreamHasNoValue() {
        assertThat(reason(new byte[0], PredefinedType.STRING)).isEqualTo("stream ended: no more values");
    }

    @Test
    void messageFramingErrors() {
        assertThat(reason(Hex.bytes("00"), PredefinedType.STRING)).isEqualTo("empty message");
        assertThat(reason(Hex.bytes("fc01000001" + "0c"), PredefinedType.STRING))
                .isEqualTo("message length 16777217 exceeds limit of 10485760");
        assertThat(reason(Hex.bytes("050c00"), PredefinedType.STRING))
                .isEqualTo("truncated message: length 5 but only 2 bytes remain");
        assertThat(reason(stream("0c000000"), PredefinedType.STRING)).isEqualTo("1 bytes of extra data after value");
        assertThat(reason(stream("ff81" + SLICE_OF_UINT_DEF + "00"), UINTS))
                .isEqualTo("1 bytes of extra data after type definition");
    }

    @Test
    void integerEncodingErrors() {
        assertThat(reason(Hex.bytes("0180"), PredefinedType.STRING))
                .isEqualTo("unsigned integer claims 128 bytes (at most 8)");
        assertThat(reason(Hex.bytes("02fe01"), PredefinedType.STRING))
                .isEqualTo("truncated unsigned integer: need 2 bytes, 1 remain");
        assertThat(reason(stream("0200" + "02"), PredefinedType.BOOL)).isEqualTo("invalid bool encoding 2");
    }

    @Test
    void valueTypeErrors() {
        assertThat(reason(stream(intHex(65) + "00"), PredefinedType.UINT)).isEqualTo("value of unknown type id 65");
        assertThat(reason(stream("0000"), PredefinedType.UINT)).isEqualTo("value of unknown type id 0");
        assertThat(reason(stream("0c0000"), PredefinedType.UINT))
                .isEqualTo("type mismatch: sent string, expected uint");
        assertThat(reason(stream("ff81" + SLICE_OF_UINT_DEF, "ff8200" + "00"), SliceType.of(70, PredefinedType.INT)))
                .isEqualTo("type mismatch: sent uint, expected int");
        assertThat(reason(stream("0c" + "01" + "0161"), PredefinedType.STRING))
                .isEqualTo("non-zero field delta before top-level value");
    }

    @Test
    void structMatchingErrors() {
        StructType sent = new StructType(65, "S", List.of(field("A", PredefinedType.STRING)));
        byte[] bytes = GobEncoder.encodeOne(sent, GobStruct.of(sent, "x"));
        StructType wrongType = new StructType(66, "S", List.of(field("A", PredefinedType.UINT)));
        StructType noOverlap = new StructType(66, "T", List.of(field("B", PredefinedType.STRING)));
        assertThat(reason(bytes, wrongType))
                .isEqualTo("field A of struct S: type mismatch: sent string, expected uint");
        assertThat(reason(bytes, noOverlap)).isEqualTo("no fields of sent struct S match local struct T");
        byte[] pastLastField = stream(Hex.of(bytes).substring(2, bytes[0] * 2 + 2), "ff82" + "02" + "0178" + "00");
        assertThat(reason(pastLastField, sent)).isEqualTo("field number out of range in struct S (1 fields)");
    }

    @Test
    void typeDefinitionErrors() {
        assertThat(reason(stream(intHex(-6) + SLICE_OF_UINT_DEF), UINTS))
                .isEqualTo("type definition for reserved or invalid id 6");
        assertThat(reason(stream("ff81" + SLICE_OF_UINT_DEF, "ff81" + SLICE_OF_UINT_DEF), UINTS))
                .isEqualTo("duplicate definition of type id 65");
        assertThat(reason(stream("ff81" + "00"), UINTS)).isEqualTo("empty type definition");
        assertThat(reason(stream("ff81" + "02" + "01" + "02ff82" + "00" + "0106" + "00" + "06" + "01"), UINTS))
                .isEqualTo("field number out of range in wireType");
        assertThat(reason(stream("ff81" + "02" + "01" + "02ff82" + "00" + "00" + "00"), UINTS))
                .isEqualTo("slice element type missing from definition");
        assertThat(reason(stream("ff81" + "02" + "01" + "02ff82" + "00" + "0101" + "00" + "00"), UINTS))
                .isEqualTo("type id -1 out of range");
        assertThat(reason(stream("ff81" + "02" + "01" + "02ff82" + "00" + "0106" + "00" + "02" + "01"
                + "02ff82" + "00" + "0106" + "00" + "00"), UINTS))
                .isEqualTo("type definition describes more than one kind");
        assertThat(reason(stream("ff81" + "01" + "01" + "02ff82" + "00" + "0106" + "01" + "01" + "00" + "00"), UINTS))
                .isEqualTo("array length -1 out of range");
    }

    @Test
    void aFieldOfATypeNeverDefinedCannotBeSkipped() {
        // Struct 65 {A <type 99>, B string}; type 99 is never defined.
        byte[] s = stream("ff81" + "03" + "01" + "010153" + "01ff82" + "00" + "0102"
                + "010141" + "01" + intHex(99) + "00" + "010142" + "010c" + "00" + "00" + "00",
                "ff82" + "01" + "00" + "00");
        StructType wanted = new StructType(70, "S", List.of(field("B", PredefinedType.STRING)));
        assertThat(reason(s, wanted)).isEqualTo("unknown type id 99");
    }

    @Test
    void tooManyTypeDefinitions() {
        String[] messages = new String[GobLimits.MAX_TYPE_DEFINITIONS + 1];
        for (int i = 0; i < messages.length; i++) {
            int id = 65 + i;
            messages[i] = intHex(-id) + "02" + "01" + "02" + intHex(id) + "00" + "0106" + "00" + "00";
        }
        assertThat(reason(stream(messages), UINTS)).isEqualTo("more than 1024 type definitions");
    }

    @Test
    void countsAndLengthsBeyondTheLimitsOrTheInput() {
        String def = "ff81" + SLICE_OF_UINT_DEF;
        assertThat(reason(stream(def, "ff8200" + uintHex(GobLimits.MAX_COLLECTION_COUNT + 1L)), UINTS))
                .isEqualTo("slice count 1048577 exceeds limit of 1048576");
        assertThat(reason(stream(def, "ff8200" + "05" + "0102"), UINTS))
                .isEqualTo("truncated slice: 5 elements cannot fit in 2 bytes");
        assertThat(reason(stream(def, "ff8200" + "f8ffffffffffffffff"), UINTS))
                .isEqualTo("slice count 18446744073709551615 exceeds limit of 1048576");
        assertThat(reason(stream("0c00" + "09" + "6869"), PredefinedType.STRING))
                .isEqualTo("truncated string: length 9 but only 2 bytes remain");
        MapType map = MapType.of(66, PredefinedType.STRING, PredefinedType.STRING);
        assertThat(reason(stream("ff83" + "04" + "01" + "02ff84" + "00" + "010c" + "010c" + "00" + "00",
                "ff84" + "00" + "02" + "0161"), map)).isEqualTo("truncated map: 2 elements cannot fit in 2 bytes");
    }

    @Test
    void arrayLengthMustMatchItsType() {
        byte[] s = stream("ff81" + "01" + "01" + "02ff82" + "00" + "0106" + "0104" + "00" + "00", "ff82" + "00" + "03"
                + "010203");
        assertThat(new GobDecoder(s).skipNext().reason()).isEqualTo("array of length 2 sent with 3 elements");
    }

    @Test
    void interfaceValueWithTypeIdZero() {
        StructType wanted = new StructType(70, "S", List.of(field("Y", PredefinedType.STRING)));
        byte[] s = stream("ff81" + "03" + "01" + "010153" + "01ff82" + "00" + "0102"
                + "010149" + "0110" + "00" + "010159" + "010c" + "00" + "00" + "00", "ff82" + "01" + "0154" + "00");
        assertThat(reason(s, wanted)).isEqualTo("interface value with type id 0");
    }

    @Test
    void nestingDeeperThanTheLimit() {
        // Type 65 = []65: a slice of itself; each level is a count of 1.
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes(Hex.bytes("ff82" + "00"));
        for (int i = 0; i <= GobLimits.MAX_NESTING_DEPTH; i++) {
            value.write(1);
        }
        value.write(0);
        byte[] s = stream("ff81" + "02" + "01" + "02ff82" + "00" + "01ff82" + "00" + "00", Hex.of(value.toByteArray()));
        assertThat(new GobDecoder(s).skipNext().reason()).isEqualTo("values nested deeper than 64");
    }

    @Test
    void aFailedDecoderStaysFailed() {
        GobDecoder dec = new GobDecoder(Hex.bytes("00"));
        assertThat(dec.nextString().reason()).isEqualTo("empty message");
        assertThat(dec.nextUint().reason()).isEqualTo("empty message");
        assertThat(dec.skipNext().reason()).isEqualTo("empty message");
    }

    private static String reason(byte[] stream, GobType expected) {
        ParseResult<Object> r = new GobDecoder(stream).next(expected);
        assertThat(r.isOk()).as("expected a rejection, got %s", r).isFalse();
        return r.reason();
    }
}
