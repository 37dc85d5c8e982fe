package net.weft.core.wire.gob;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes one gob stream: values in order, each preceded by the definitions of any user types this stream
 * has not defined yet, exactly as Go's encoder lays them out.
 *
 * <p>Definitions are sent depth-first, a type before the types it refers to: a struct, then its fields'
 * types in field order; a slice, then its element type; a map, then its key and element types. That is
 * why Go defines {@code []connectionSummary} before {@code connectionSummary} when the slice is the first
 * value to mention it. A Go decoder accepts a definition that refers to an id defined later in the stream,
 * as long as every type is defined before a value uses it.
 *
 * <p>Each value is one message: uint length, signed type id, then the value; a value that is not a struct
 * gets a zero byte first (it travels as a one-field struct). Not thread-safe; make a fresh encoder per
 * stream, as Weave does per message body.
 */
public final class GobEncoder {

    private final GobWriter out = new GobWriter();
    private final GobWriter message = new GobWriter();
    private final Map<Integer, GobType> defined = new HashMap<>();

    /**
     * Appends {@code value} of {@code type} to the stream.
     *
     * @throws IllegalArgumentException when the value does not fit the type, or two different types share
     *                                  an id on this stream (both are bugs in the caller)
     */
    public GobEncoder encode(GobType type, Object value) {
        GobTypes.requireLocal(type);
        define(type);
        writeValue(type, value);
        return this;
    }

    private void writeValue(GobType type, Object value) {
        message.reset();
        message.writeInt(type.id());
        if (!(type instanceof StructType)) {
            message.writeUint(0);
        }
        ValueWriter.write(message, type, value);
        flushMessage();
    }

    /** The bytes written so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /**
     * The stream as {@link #toByteArray} gives it after {@code encode(PredefinedType.BYTES, value)}, in one
     * allocation and with one copy of {@code value} (gossip payloads are large), preceded by {@code reserveFront}
     * zero bytes the caller fills in. The encoder itself is left as it was.
     */
    public byte[] toByteArrayWithBytes(byte[] value, int reserveFront) {
        GobWriter head = new GobWriter();
        head.writeInt(PredefinedType.BYTES.id());
        head.writeUint(0);
        head.writeUint(value.length);
        GobWriter length = new GobWriter();
        length.writeUint((long) head.size() + value.length);
        byte[] out = new byte[reserveFront + this.out.size() + length.size() + head.size() + value.length];
        int at = reserveFront;
        at = copy(this.out.toByteArray(), out, at);
        at = copy(length.toByteArray(), out, at);
        at = copy(head.toByteArray(), out, at);
        System.arraycopy(value, 0, out, at, value.length);
        return out;
    }

    private static int copy(byte[] from, byte[] to, int at) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }

    /** Number of bytes written so far. */
    public int size() {
        return out.size();
    }

    /**
     * The definition messages a fresh stream writes before the first value of {@code type} (empty for a
     * predefined type). With {@link #valueMessage}, lets a caller assemble a stream from cached parts:
     * the definitions of each type once, before its first value, then value messages.
     */
    public static byte[] definitions(GobType type) {
        GobTypes.requireLocal(type);
        GobEncoder enc = new GobEncoder();
        enc.define(type);
        return enc.toByteArray();
    }

    /** One value message of {@code type} (length, type id, value) without any definition. */
    public static byte[] valueMessage(GobType type, Object value) {
        GobTypes.requireLocal(type);
        GobEncoder enc = new GobEncoder();
        enc.writeValue(type, value);
        return enc.toByteArray();
    }

    /**
     * The bytes that open every value message of {@code type} after its length prefix: the type id, and for a
     * value that is not a struct the zero field delta of its one-field wrapper.
     */
    public static byte[] valueMessageHead(GobType type) {
        GobWriter w = new GobWriter();
        w.writeInt(type.id());
        if (!(type instanceof StructType)) {
            w.writeUint(0);
        }
        return w.toByteArray();
    }

    /** Convenience: a fresh stream holding just one value. */
    public static byte[] encodeOne(GobType type, Object value) {
        return new GobEncoder().encode(type, value).toByteArray();
    }

    private void define(GobType type) {
        if (type instanceof PredefinedType) {
            return;
        }
        GobType earlier = defined.get(type.id());
        if (earlier != null) {
            if (!earlier.equals(type)) {
                throw new IllegalArgumentException("type id " + type.id() + " used for both " + earlier.goName()
                        + " and " + type.goName());
            }
            return;
        }
        defined.put(type.id(), type);
        message.reset();
        message.writeInt(-type.id());
        WireTypeWriter.write(message, type);
        flushMessage();
        if (type instanceof StructType st) {
            for (StructType.Field f : st.fields()) {
                define(f.type());
            }
        } else if (type instanceof SliceType s) {
            define(s.elem());
        } else if (type instanceof MapType m) {
            define(m.key());
            define(m.elem());
        }
    }

    private void flushMessage() {
        out.writeUint(message.size());
        out.writeAll(message);
    }
}
