package net.weft.viz.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.weft.core.wire.ParseResult;

/**
 * A small strict JSON parser (RFC 8259) for daemon reports: objects become {@code LinkedHashMap<String,
 * Object>}, arrays {@code List<Object>}, numbers {@link BigDecimal} (so 64-bit UIDs keep every digit),
 * strings, booleans and {@code null}. Bad input is rejected with the offset and reason, never thrown.
 */
public final class JsonReader {

    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;

    private final String s;
    private int i;

    private JsonReader(String s) {
        this.s = s;
    }

    /** Parses one JSON value filling the whole text. */
    public static ParseResult<Object> parse(String text) {
        JsonReader r = new JsonReader(text);
        try {
            Object v = r.value(0);
            r.space();
            if (r.i != text.length()) {
                return new ParseResult.Rejected<>("trailing characters at offset " + r.i);
            }
            return new ParseResult.Ok<>(v);
        } catch (Bad e) {
            return new ParseResult.Rejected<>(e.getMessage());
        }
    }

    /** A parse failure, caught inside {@link #parse}. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String why, int at) {
            super(why + " at offset " + at);
        }
    }

    private Object value(int depth) throws Bad {
        if (depth > MAX_DEPTH) {
            throw new Bad("nesting too deep", i);
        }
        space();
        if (i >= s.length()) {
            throw new Bad("unexpected end", i);
        }
        char c = s.charAt(i);
        if (c == '{') {
            return object(depth);
        }
        if (c == '[') {
            return array(depth);
        }
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (s.startsWith(word, i)) {
                i += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        throw new Bad("unexpected character '" + c + "'", i);
    }

    private Map<String, Object> object(int depth) throws Bad {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (peek() == '}') {
            i++;
            return m;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw new Bad("expected a member name", i);
            }
            String k = string();
            space();
            expect(':');
            m.put(k, value(depth + 1));
            space();
            if (peek() == ',') {
                i++;
            } else {
                expect('}');
                return m;
            }
        }
    }

    private List<Object> array(int depth) throws Bad {
        List<Object> l = new ArrayList<>();
        i++;
        space();
        if (peek() == ']') {
            i++;
            return l;
        }
        while (true) {
            l.add(value(depth + 1));
            space();
            if (peek() == ',') {
                i++;
            } else {
                expect(']');
                return l;
            }
        }
    }

    private String string() throws Bad {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) {
                throw new Bad("unterminated string", i);
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw new Bad("control character in string", i - 1);
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                throw new Bad("unterminated escape", i);
            }
            char e = s.charAt(i++);
            int idx = "\"\\/bfnrt".indexOf(e);
            if (idx >= 0) {
                b.append("\"\\/\b\f\n\r\t".charAt(idx));
            } else if (e == 'u' && i + 4 <= s.length()) {
                try {
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                } catch (NumberFormatException ex) {
                    throw new Bad("bad \\u escape", i);
                }
                i += 4;
            } else {
                throw new Bad("bad escape", i - 1);
            }
        }
    }

    private BigDecimal number() throws Bad {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String t = s.substring(start, i);
        if (!t.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw new Bad("bad number '" + t + "'", start);
        }
        return new BigDecimal(t);
    }

    private void expect(char c) throws Bad {
        if (peek() != c) {
            throw new Bad("expected '" + c + "'", i);
        }
        i++;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void space() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }
}
