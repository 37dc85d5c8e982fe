package net.weft.core.wire.gob;

import java.util.List;
import java.util.Map;

/**
 * Writes values of local types. Struct fields holding their type's zero value are left out (except nested
 * structs, which Go always sends); elements of slices and maps and top-level values are always written.
 * A value of the wrong Java class is our own bug and throws {@link IllegalArgumentException}.
 */
final class ValueWriter {

    private ValueWriter() {
    }

    static void write(GobWriter out, GobType type, Object value) {
        if (type instanceof PredefinedType p) {
            writePredefined(out, p, value);
        } else if (type instanceof SliceType s) {
            List<?> list = cast(value, List.class, type);
            out.writeUint(list.size());
            for (Object element : list) {
                write(out, s.elem(), element);
            }
        } else if (type instanceof MapType m) {
            Map<?, ?> map = cast(value, Map.class, type);
            out.writeUint(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, m.key(), e.getKey());
                write(out, m.elem(), e.getValue());
            }
        } else {
            writeStruct(out, (StructType) type, cast(value, GobStruct.class, type));
        }
    }

    private static void writeStruct(GobWriter out, StructType type, GobStruct value) {
        if (value.type() != type && !value.type().equals(type)) {
            throw new IllegalArgumentException("struct value of " + value.type().name() + " given for "
                    + type.name());
        }
        int last = -1;
        for (int i = 0; i < type.fields().size(); i++) {
            GobType fieldType = type.fields().get(i).type();
            Object v = value.get(i);
            if (!(fieldType instanceof StructType) && isZero(v)) {
                continue;
            }
            out.writeUint(i - last);
            write(out, fieldType, v);
            last = i;
        }
        out.writeUint(0);
    }

    private static void writePredefined(GobWriter out, PredefinedType p, Object value) {
        switch (p) {
            case BOOL:
                out.writeUint(cast(value, Boolean.class, p) ? 1 : 0);
                break;
            case INT:
                out.writeInt(cast(value, Number.class, p).longValue());
                break;
            case UINT:
                out.writeUint(cast(value, Number.class, p).longValue());
                break;
            case FLOAT:
                double d = cast(value, Number.class, p).doubleValue();
                out.writeUint(Long.reverseBytes(Double.doubleToLongBits(d)));
                break;
            case BYTES:
                out.writeCounted(cast(value, byte[].class, p));
                break;
            case STRING:
                out.writeString(cast(value, String.class, p));
                break;
            default:
                throw new IllegalArgumentException(p.goName() + " values cannot be encoded");
        }
    }

    /** Zero as Go sees it for the purpose of leaving a struct field out. */
    private static boolean isZero(Object v) {
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue() == 0.0;
        }
        if (v instanceof Number n) {
            return n.longValue() == 0;
        }
        if (v instanceof byte[] bytes) {
            return bytes.length == 0;
        }
        if (v instanceof String s) {
            return s.isEmpty();
        }
        if (v instanceof List<?> list) {
            return list.isEmpty();
        }
        return v instanceof Map<?, ?> map && map.isEmpty();
    }

    private static <T> T cast(Object value, Class<T> cls, GobType type) {
        if (!cls.isInstance(value)) {
            throw new IllegalArgumentException("value " + GobValues.toString(value) + " does not fit gob type "
                    + type.goName() + " (" + type.id() + ")");
        }
        return cls.cast(value);
    }
}
