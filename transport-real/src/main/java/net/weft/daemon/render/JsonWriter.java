package net.weft.daemon.render;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer with Go's {@code MarshalIndent(v, "", "    ")} layout: four-space indents,
 * {@code "key": value}, empty containers as {@code []} and {@code {}}. No dependencies, no reflection; callers
 * emit fields in the order they want them printed.
 */
public final class JsonWriter {

    /** Indentation per nesting level. */
    static final String INDENT = "    ";

    private final StringBuilder out = new StringBuilder();
    /** Per open container: true until its first element is written. */
    private final Deque<Boolean> empty = new ArrayDeque<>();
    private boolean afterName;

    /** Opens an object (as a value or array element). */
    public JsonWriter beginObject() {
        return open('{');
    }

    /** Closes the current object. */
    public JsonWriter endObject() {
        return close('}');
    }

    /** Opens an array (as a value or array element). */
    public JsonWriter beginArray() {
        return open('[');
    }

    /** Closes the current array. */
    public JsonWriter endArray() {
        return close(']');
    }

    /** Writes a member name; the next call writes its value. */
    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    /** A string value. */
    public JsonWriter value(String text) {
        separate();
        string(text);
        return this;
    }

    /** A number value. */
    public JsonWriter value(long number) {
        return raw(Long.toString(number));
    }

    /** A boolean value. */
    public JsonWriter value(boolean flag) {
        return raw(Boolean.toString(flag));
    }

    /** {@code null}. */
    public JsonWriter nullValue() {
        return raw("null");
    }

    /**
     * A number already in JSON form, e.g. an unsigned 64-bit value printed with
     * {@link Long#toUnsignedString(long)}. The caller guarantees it is a valid JSON number or literal.
     */
    public JsonWriter raw(String jsonNumber) {
        separate();
        out.append(jsonNumber);
        return this;
    }

    /** The document written so far, followed by a newline. */
    public String finish() {
        if (!empty.isEmpty()) {
            throw new IllegalStateException("unclosed containers: " + empty.size());
        }
        return out.toString() + "\n";
    }

    private JsonWriter open(char bracket) {
        separate();
        out.append(bracket);
        empty.push(Boolean.TRUE);
        return this;
    }

    private JsonWriter close(char bracket) {
        boolean wasEmpty = empty.pop();
        if (!wasEmpty) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    /** Writes the comma and indentation due before a value or a name. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (empty.isEmpty()) {
            return;
        }
        if (!empty.peek()) {
            out.append(',');
        }
        empty.pop();
        empty.push(Boolean.FALSE);
        newline();
    }

    private void newline() {
        out.append('\n');
        out.append(INDENT.repeat(empty.size()));
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
