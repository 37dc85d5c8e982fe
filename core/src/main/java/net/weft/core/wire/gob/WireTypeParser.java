package net.weft.core.wire.gob;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code wireType} value (the body of a type-definition message). The wireType struct and the
 * structs inside it are predefined, so their layouts are fixed here rather than read from the stream:
 *
 * <pre>
 * wireType   { ArrayT *arrayType; SliceT *sliceType; StructT *structType; MapT *mapType;
 *              GobEncoderT, BinaryMarshalerT, TextMarshalerT *gobEncoderType }
 * CommonType { Name string; Id int }
 * arrayType  { CommonType; Elem typeId; Len int }      sliceType { CommonType; Elem typeId }
 * structType { CommonType; Field []*fieldType }       fieldType { Name string; Id typeId }
 * mapType    { CommonType; Key typeId; Elem typeId }  gobEncoderType { CommonType }
 * </pre>
 */
final class WireTypeParser {

    private static final int WIRE_TYPE_FIELDS = 7;
    private static final int ARRAY_FIELD = 0;
    private static final int SLICE_FIELD = 1;
    private static final int STRUCT_FIELD = 2;
    private static final int MAP_FIELD = 3;

    private final GobReader in;

    private WireTypeParser(GobReader in) {
        this.in = in;
    }

    /** Parses one wireType at the reader's position. */
    static WireType parse(GobReader in) throws GobFormatException {
        return new WireTypeParser(in).wireType();
    }

    private WireType wireType() throws GobFormatException {
        WireType result = null;
        int field = -1;
        while ((field = nextField(field, WIRE_TYPE_FIELDS, "wireType")) >= 0) {
            if (result != null) {
                throw new GobFormatException("type definition describes more than one kind");
            }
            if (field == ARRAY_FIELD) {
                result = arrayType();
            } else if (field == SLICE_FIELD) {
                result = sliceType();
            } else if (field == STRUCT_FIELD) {
                result = structType();
            } else if (field == MAP_FIELD) {
                result = mapType();
            } else {
                result = new WireType.WireOpaque(commonOnly());
            }
        }
        if (result == null) {
            throw new GobFormatException("empty type definition");
        }
        return result;
    }

    private WireType arrayType() throws GobFormatException {
        String name = "";
        int elem = 0;
        int length = 0;
        int field = -1;
        while ((field = nextField(field, 3, "arrayType")) >= 0) {
            if (field == 0) {
                name = commonType();
            } else if (field == 1) {
                elem = typeId();
            } else {
                long len = in.readInt();
                if (len < 0 || len > GobLimits.MAX_COLLECTION_COUNT) {
                    throw new GobFormatException("array length " + len + " out of range");
                }
                length = (int) len;
            }
        }
        return new WireType.WireArray(name, requireId(elem, "array element"), length);
    }

    private WireType sliceType() throws GobFormatException {
        String name = "";
        int elem = 0;
        int field = -1;
        while ((field = nextField(field, 2, "sliceType")) >= 0) {
            if (field == 0) {
                name = commonType();
            } else {
                elem = typeId();
            }
        }
        return new WireType.WireSlice(name, requireId(elem, "slice element"));
    }

    private WireType mapType() throws GobFormatException {
        String name = "";
        int key = 0;
        int elem = 0;
        int field = -1;
        while ((field = nextField(field, 3, "mapType")) >= 0) {
            if (field == 0) {
                name = commonType();
            } else if (field == 1) {
                key = typeId();
            } else {
                elem = typeId();
            }
        }
        return new WireType.WireMap(name, requireId(key, "map key"), requireId(elem, "map element"));
    }

    private WireType structType() throws GobFormatException {
        String name = "";
        List<WireType.WireField> fields = List.of();
        int field = -1;
        while ((field = nextField(field, 2, "structType")) >= 0) {
            if (field == 0) {
                name = commonType();
            } else {
                int count = in.readCount("struct field list", 1);
                fields = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    fields.add(fieldType());
                }
            }
        }
        return new WireType.WireStruct(name, List.copyOf(fields));
    }

    private WireType.WireField fieldType() throws GobFormatException {
        String name = "";
        int id = 0;
        int field = -1;
        while ((field = nextField(field, 2, "fieldType")) >= 0) {
            if (field == 0) {
                name = in.readString("field name");
            } else {
                id = typeId();
            }
        }
        return new WireType.WireField(name, requireId(id, "field " + name));
    }

    private String commonOnly() throws GobFormatException {
        String name = "";
        int field = -1;
        while ((field = nextField(field, 1, "gobEncoderType")) >= 0) {
            name = commonType();
        }
        return name;
    }

    /** Reads CommonType and returns its name; the repeated id inside it is not needed. */
    private String commonType() throws GobFormatException {
        String name = "";
        int field = -1;
        while ((field = nextField(field, 2, "CommonType")) >= 0) {
            if (field == 0) {
                name = in.readString("type name");
            } else {
                in.readInt();
            }
        }
        return name;
    }

    private int typeId() throws GobFormatException {
        long id = in.readInt();
        if (id <= 0 || id > Integer.MAX_VALUE) {
            throw new GobFormatException("type id " + id + " out of range");
        }
        return (int) id;
    }

    private static int requireId(int id, String what) throws GobFormatException {
        if (id == 0) {
            throw new GobFormatException(what + " type missing from definition");
        }
        return id;
    }

    /** Reads a field delta; returns the next field number, or -1 at the end-of-struct mark. */
    private int nextField(int current, int fieldCount, String struct) throws GobFormatException {
        long delta = in.readUint();
        if (delta == 0) {
            return -1;
        }
        if (delta < 0 || delta > fieldCount - 1 - current) {
            throw new GobFormatException("field number out of range in " + struct);
        }
        return current + (int) delta;
    }
}
