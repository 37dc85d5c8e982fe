package net.weft.scenarios;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A dependency-free JSON writer for reports: maps (written in their iteration order, so use sorted or
 * insertion-ordered maps), collections, strings, numbers, booleans and null, pretty-printed with two spaces.
 */
public final class Json {

    private static final String INDENT = "  ";

    private Json() {
    }

    /** The JSON text of {@code value}. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String) {
            string(sb, (String) v);
        } else if (v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Number) {
            sb.append(v);
        } else if (v instanceof Map) {
            object(sb, (Map<?, ?>) v, depth);
        } else if (v instanceof Collection) {
            array(sb, (Collection<?>) v, depth);
        } else {
            string(sb, v.toString());
        }
    }

    private static void object(StringBuilder sb, Map<?, ?> m, int depth) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            sb.append(INDENT.repeat(depth + 1));
            string(sb, String.valueOf(e.getKey()));
            sb.append(": ");
            write(sb, e.getValue(), depth + 1);
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        sb.append(INDENT.repeat(depth)).append('}');
    }

    private static void array(StringBuilder sb, Collection<?> c, int depth) {
        if (c.isEmpty()) {
            sb.append("[]");
            return;
        }
        boolean flat = c.stream().allMatch(x -> !(x instanceof Map) && !(x instanceof Collection));
        sb.append(flat ? "[" : "[\n");
        Iterator<?> it = c.iterator();
        while (it.hasNext()) {
            if (!flat) {
                sb.append(INDENT.repeat(depth + 1));
            }
            write(sb, it.next(), depth + 1);
            if (it.hasNext()) {
                sb.append(flat ? ", " : ",\n");
            }
        }
        sb.append(flat ? "]" : "\n" + INDENT.repeat(depth) + "]");
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
            }
        }
        sb.append('"');
    }
}
