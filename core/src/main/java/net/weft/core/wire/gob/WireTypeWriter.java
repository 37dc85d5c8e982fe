package net.weft.core.wire.gob;

import java.util.List;

/**
 * Writes the {@code wireType} definition of a user type, laid out as Go writes it (see
 * {@link WireTypeParser} for the structs). Zero fields are left out, as in any gob struct: unnamed types
 * send no name and a struct with no fields sends no field list.
 */
final class WireTypeWriter {

    private static final int SLICE_T = 2;
    private static final int STRUCT_T = 3;
    private static final int MAP_T = 4;

    private WireTypeWriter() {
    }

    /** Writes the definition of {@code type} (not the leading id). */
    static void write(GobWriter out, GobType type) {
        if (type instanceof SliceType s) {
            out.writeUint(SLICE_T);
            commonType(out, s);
            out.writeUint(1);
            out.writeInt(s.elem().id());
        } else if (type instanceof MapType m) {
            out.writeUint(MAP_T);
            commonType(out, m);
            out.writeUint(1);
            out.writeInt(m.key().id());
            out.writeUint(1);
            out.writeInt(m.elem().id());
        } else if (type instanceof StructType st) {
            out.writeUint(STRUCT_T);
            commonType(out, st);
            fieldList(out, st.fields());
        } else {
            throw new IllegalArgumentException("predefined types are never defined: " + type);
        }
        out.writeUint(0);
        out.writeUint(0);
    }

    /** Field 0 of every kind: CommonType {Name, Id}. */
    private static void commonType(GobWriter out, GobType type) {
        out.writeUint(1);
        int field = -1;
        if (!type.goName().isEmpty()) {
            out.writeUint(1);
            out.writeString(type.goName());
            field = 0;
        }
        out.writeUint(1 - field);
        out.writeInt(type.id());
        out.writeUint(0);
    }

    private static void fieldList(GobWriter out, List<StructType.Field> fields) {
        if (fields.isEmpty()) {
            return;
        }
        out.writeUint(1);
        out.writeUint(fields.size());
        for (StructType.Field f : fields) {
            out.writeUint(1);
            out.writeString(f.name());
            out.writeUint(1);
            out.writeInt(f.type().id());
            out.writeUint(0);
        }
    }
}
