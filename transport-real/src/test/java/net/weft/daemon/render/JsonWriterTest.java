package net.weft.daemon.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void nested_containers_are_laid_out_like_gos_marshal_indent() {
        String json = new JsonWriter().beginObject()
                .name("A").value(1)
                .name("B").beginArray().value("x").value(true).endArray()
                .name("C").beginObject().endObject()
                .name("D").beginArray().endArray()
                .name("E").nullValue()
                .endObject().finish();

        assertThat(json).isEqualTo("{\n    \"A\": 1,\n    \"B\": [\n        \"x\",\n        true\n    ],\n"
                + "    \"C\": {},\n    \"D\": [],\n    \"E\": null\n}\n");
    }

    @Test
    void any_string_survives_a_round_trip_through_a_strict_parser() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(s -> {
            String json = new JsonWriter().beginObject().name(s).value(s).endObject().finish();
            @SuppressWarnings("unchecked")
            Map<String, Object> back = (Map<String, Object>) MiniJson.parse(json);
            assertThat(back).containsExactly(Map.entry(s, s));
        });
    }

    @Test
    void numbers_and_unsigned_raw_values_are_written_exactly() {
        qt().forAll(longs().all(), integers().allPositive()).checkAssert((n, k) -> {
            String json = new JsonWriter().beginArray().value(n).raw(Long.toUnsignedString(n)).value(k).endArray()
                    .finish();
            assertThat(MiniJson.parse(json))
                    .isEqualTo(List.of(Long.toString(n), Long.toUnsignedString(n), Integer.toString(k)));
        });
    }

    @Test
    void html_sensitive_characters_are_escaped_as_go_does() {
        String json = new JsonWriter().value("<a&b>").finish();

        assertThat(json).isEqualTo("\"\\u003ca\\u0026b\\u003e\"\n");
    }

    @Test
    void an_unclosed_document_is_our_bug_and_throws() {
        assertThatThrownBy(() -> new JsonWriter().beginObject().finish()).isInstanceOf(IllegalStateException.class);
    }
}
