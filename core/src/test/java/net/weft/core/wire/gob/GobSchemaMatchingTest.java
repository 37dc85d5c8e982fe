package net.weft.core.wire.gob;

import static net.weft.core.wire.gob.GobStreams.stream;
import static net.weft.core.wire.gob.StructType.field;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A receiver's struct differs from the sender's: fields match by name, extras are skipped, gaps are zero. */
class GobSchemaMatchingTest {

    private static final StructType INNER = new StructType(65, "Inner", List.of(field("K", PredefinedType.STRING)));
    private static final StructType SENT = new StructType(66, "Sent", List.of(
            field("A", PredefinedType.UINT),
            field("Skipped", SliceType.of(67, INNER)),
            field("B", PredefinedType.STRING),
            field("M", MapType.of(68, PredefinedType.STRING, PredefinedType.INT)),
            field("F", PredefinedType.FLOAT),
            field("C", PredefinedType.BYTES)));
    private static final StructType WANTED = new StructType(70, "Wanted", List.of(
            field("C", PredefinedType.BYTES),
            field("New", PredefinedType.BOOL),
            field("B", PredefinedType.STRING)));

    @Test
    void receiverMatchesFieldsByNameSkipsUnknownOnesAndZeroesMissingOnes() {
        GobStruct sent = GobStruct.of(SENT, 9L, List.of(GobStruct.of(INNER, "x"), GobStruct.of(INNER, "y")), "bee",
                Map.of("k", -5L), 2.5, new byte[] {1, 2});
        GobDecoder dec = new GobDecoder(GobEncoder.encodeOne(SENT, sent));

        GobStruct got = dec.nextStruct(WANTED).value();

        assertThat(got.getBytes("C")).containsExactly(1, 2);
        assertThat(got.getString("B")).isEqualTo("bee");
        assertThat(got.getBoolean("New")).isFalse();
        assertThat(dec.atEnd()).isTrue();
    }

    @Test
    void fieldsTheSenderLeftOutBecauseTheyWereZeroComeBackAsZero() {
        GobStruct sent = GobStruct.of(SENT, null, null, null, null, null, null);
        GobStruct got = new GobDecoder(GobEncoder.encodeOne(SENT, sent)).nextStruct(SENT).value();
        assertThat(got).isEqualTo(sent);
        assertThat(got.getLong("A")).isZero();
        assertThat(got.getList("Skipped")).isEmpty();
        assertThat(got.getMap("M")).isEmpty();
        assertThat(got.getBytes("C")).isEmpty();
    }

    @Test
    void arraysComplexNumbersInterfacesAndMarshalerValuesCanBeSkipped() {
        // Types: 65 = [3]uint, 70 = a GobEncoder type "G", 66 = struct S {X [3]uint; Cx complex; I interface;
        // I2 interface; N interface; G G; Y string}.
        byte[] s = stream(
                "ff81" + "01" + "01" + "02ff82" + "00" + "0106" + "0106" + "00" + "00",
                "ff8b" + "05" + "01" + "010147" + "01ff8c" + "00" + "00" + "00",
                "ff83" + "03" + "01" + "010153" + "01ff84" + "00" + "0107"
                        + "010158" + "01ff82" + "00"
                        + "0102" + "4378" + "010e" + "00"
                        + "010149" + "0110" + "00"
                        + "01024932" + "0110" + "00"
                        + "01014e" + "0110" + "00"
                        + "010147" + "01ff8c" + "00"
                        + "010159" + "010c" + "00"
                        + "00" + "00",
                "ff84"
                        + "01" + "03" + "010203"
                        + "01" + "fe3140" + "00"
                        + "01" + "0154" + "06" + "02" + "0007"
                        + "01" + "0154" + "ff85" + "02" + "01" + "02ff86" + "00" + "0106" + "00" + "00" + "00"
                        + "ff86" + "03" + "000105"
                        + "01" + "00"
                        + "01" + "03616263"
                        + "01" + "026869"
                        + "00");
        StructType wanted = new StructType(99, "S", List.of(field("Y", PredefinedType.STRING)));

        GobStruct got = new GobDecoder(s).nextStruct(wanted).value();

        assertThat(got.getString("Y")).isEqualTo("hi");
        assertThat(new GobDecoder(s).skipNext().value()).isEqualTo(66);
    }

    @Test
    void aDefinitionMayReferToATypeDefinedInALaterMessage() {
        // Go defines []connectionSummary (69) before connectionSummary (68) itself.
        StructType elem = new StructType(68, "connectionSummary", List.of(field("Outbound", PredefinedType.BOOL)));
        SliceType slice = SliceType.of(69, elem);
        byte[] bytes = GobEncoder.encodeOne(slice, List.of(GobStruct.of(elem, true)));
        assertThat(new GobDecoder(bytes).nextList(slice).value()).containsExactly(GobStruct.of(elem, true));
    }

    @Test
    void idsBelongToTheStreamNotToTheLocalTypes() {
        StructType theirs = new StructType(200, "peer", List.of(field("Name", PredefinedType.STRING)));
        StructType ours = new StructType(65, "renamedLocally", List.of(field("Name", PredefinedType.STRING)));
        byte[] bytes = GobEncoder.encodeOne(theirs, GobStruct.of(theirs, "n"));
        assertThat(new GobDecoder(bytes).nextStruct(ours).value().getString("Name")).isEqualTo("n");
    }
}
