package net.weft.core.wire.gob;

import java.util.Optional;

/**
 * Reads past one value of any type the stream can describe, checking its structure but keeping nothing:
 * how a decoder ignores fields and values it does not want. Every loop consumes at least one byte per
 * turn and recursion is bounded by {@link GobLimits#MAX_NESTING_DEPTH}, so skipping always ends.
 */
final class ValueSkipper {

    private final GobReader in;
    private final TypeTable types;

    ValueSkipper(GobReader in, TypeTable types) {
        this.in = in;
        this.types = types;
    }

    /** Skips a value of the sender's type {@code id}. */
    void skip(long id, int depth) throws GobFormatException {
        checkDepth(depth);
        Optional<PredefinedType> predefined = PredefinedType.of(id);
        if (predefined.isPresent()) {
            skipPredefined(predefined.get());
            return;
        }
        WireType t = types.user(id);
        if (t instanceof WireType.WireStruct s) {
            skipStruct(s, depth);
        } else if (t instanceof WireType.WireSlice s) {
            int n = in.readCount("slice", 1);
            for (int i = 0; i < n; i++) {
                skip(s.elemId(), depth + 1);
            }
        } else if (t instanceof WireType.WireArray a) {
            int n = in.readCount("array", 1);
            if (n != a.length()) {
                throw new GobFormatException("array of length " + a.length() + " sent with " + n + " elements");
            }
            for (int i = 0; i < n; i++) {
                skip(a.elemId(), depth + 1);
            }
        } else if (t instanceof WireType.WireMap m) {
            int n = in.readCount("map", 2);
            for (int i = 0; i < n; i++) {
                skip(m.keyId(), depth + 1);
                skip(m.elemId(), depth + 1);
            }
        } else {
            in.skip(in.readLength("opaque value"));
        }
    }

    /** Skips the fields of a struct value up to and including its end mark. */
    void skipStruct(WireType.WireStruct s, int depth) throws GobFormatException {
        int field = -1;
        while ((field = nextField(field, s.fields().size(), s.name())) >= 0) {
            skip(s.fields().get(field).typeId(), depth + 1);
        }
    }

    /**
     * Reads a struct field delta and returns the new field number, or -1 at the end mark; rejects deltas
     * that run past the last field.
     */
    int nextField(int current, int fieldCount, String structName) throws GobFormatException {
        long delta = in.readUint();
        if (delta == 0) {
            return -1;
        }
        if (delta < 0 || delta > fieldCount - 1 - current) {
            throw new GobFormatException("field number out of range in struct " + structName + " ("
                    + fieldCount + " fields)");
        }
        return current + (int) delta;
    }

    static void checkDepth(int depth) throws GobFormatException {
        if (depth > GobLimits.MAX_NESTING_DEPTH) {
            throw new GobFormatException("values nested deeper than " + GobLimits.MAX_NESTING_DEPTH);
        }
    }

    private void skipPredefined(PredefinedType t) throws GobFormatException {
        switch (t) {
            case BOOL:
            case INT:
            case UINT:
            case FLOAT:
                in.readUint();
                break;
            case COMPLEX:
                in.readUint();
                in.readUint();
                break;
            case BYTES:
            case STRING:
                in.skip(in.readLength(t.goName()));
                break;
            default:
                skipInterface();
        }
    }

    /**
     * An interface value: the concrete type's registered name (empty for nil), then possibly type
     * definitions (each followed by a byte count), then the concrete type id, a byte count and the value.
     */
    private void skipInterface() throws GobFormatException {
        int nameLength = in.readLength("interface type name");
        in.skip(nameLength);
        if (nameLength == 0) {
            return;
        }
        while (true) {
            long id = in.readInt();
            if (id < 0) {
                types.define(-id, WireTypeParser.parse(in));
                if (in.remaining() > 0) {
                    in.readUint();
                }
                continue;
            }
            if (id == 0) {
                throw new GobFormatException("interface value with type id 0");
            }
            in.skip(in.readLength("interface value"));
            return;
        }
    }
}
