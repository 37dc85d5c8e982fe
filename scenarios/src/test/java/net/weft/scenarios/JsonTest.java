package net.weft.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's JSON writer. */
class JsonTest {

    @Test
    void writesNestedValuesInOrderWithEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a \"quoted\"\nline\\");
        m.put("ok", true);
        m.put("n", 3L);
        m.put("ms", 1.5);
        m.put("none", null);
        m.put("list", List.of(1, 2));
        m.put("objects", List.of(Map.of("k", "v")));
        m.put("empty", Map.of());
        assertThat(Json.write(m)).isEqualTo(String.join("\n",
                "{",
                "  \"name\": \"a \\\"quoted\\\"\\nline\\\\\",",
                "  \"ok\": true,",
                "  \"n\": 3,",
                "  \"ms\": 1.5,",
                "  \"none\": null,",
                "  \"list\": [1, 2],",
                "  \"objects\": [",
                "    {",
                "      \"k\": \"v\"",
                "    }",
                "  ],",
                "  \"empty\": {}",
                "}",
                ""));
    }

    @Test
    void controlCharactersAndNonFiniteNumbersStayValid() {
        assertThat(Json.write(List.of("\u0001", Double.NaN))).isEqualTo("[\"\\u0001\", null]\n");
    }
}
