package net.weft.core.wire.gob;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Go struct type: a name and fields in declaration order.
 *
 * <p>Field order decides the field numbers on the wire; a receiver matches fields by name, so fields the
 * other side does not know are skipped and fields it did not send take their zero value.
 */
public record StructType(int id, String name, List<Field> fields) implements GobType {

    /** One struct field. */
    public record Field(String name, GobType type) {

        /** Rejects empty names and types that cannot be encoded. */
        public Field {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("field name must not be empty");
            }
            GobTypes.requireLocal(type);
        }
    }

    /** Validates the id and that field names are unique. */
    public StructType {
        GobTypes.requireUserId(id);
        name = name == null ? "" : name;
        fields = List.copyOf(fields);
        Set<String> seen = new HashSet<>();
        for (Field f : fields) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException("duplicate field " + f.name() + " in struct " + name);
            }
        }
    }

    /** Shorthand for building a field list. */
    public static Field field(String name, GobType type) {
        return new Field(name, type);
    }

    /** The index of the field with this name, or -1. */
    public int indexOf(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String goName() {
        return name;
    }

    @Override
    public Object zeroValue() {
        return GobStruct.zero(this);
    }
}
