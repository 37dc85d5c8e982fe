package net.weft.core.wire.gob;

import java.util.List;
import java.util.Map;

/**
 * A struct value: one value per field of its {@link StructType}, in field order, never null.
 *
 * <p>Values use the Java representations listed in the package documentation. Instances are immutable as
 * far as this class is concerned (byte arrays are shared, not copied: do not modify them).
 */
public final class GobStruct {

    private final StructType type;
    private final Object[] values;

    private GobStruct(StructType type, Object[] values) {
        this.type = type;
        this.values = values;
    }

    /**
     * A struct value with the given field values in field order; a null stands for the field's zero value.
     *
     * @throws IllegalArgumentException when the number of values does not match the fields
     */
    public static GobStruct of(StructType type, Object... values) {
        if (values.length != type.fields().size()) {
            throw new IllegalArgumentException("struct " + type.name() + " has " + type.fields().size()
                    + " fields, got " + values.length + " values");
        }
        Object[] copy = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i] == null ? type.fields().get(i).type().zeroValue() : values[i];
        }
        return new GobStruct(type, copy);
    }

    /** The value a Go receiver holds before any field arrives: every field zero. */
    public static GobStruct zero(StructType type) {
        return of(type, new Object[type.fields().size()]);
    }

    /** Used by the decoder, which fills every slot itself. */
    static GobStruct wrap(StructType type, Object[] values) {
        return new GobStruct(type, values);
    }

    /** The struct's type. */
    public StructType type() {
        return type;
    }

    /** The value of field {@code index}. */
    public Object get(int index) {
        return values[index];
    }

    /** The value of the named field; throws {@link IllegalArgumentException} for an unknown name. */
    public Object get(String fieldName) {
        int i = type.indexOf(fieldName);
        if (i < 0) {
            throw new IllegalArgumentException("struct " + type.name() + " has no field " + fieldName);
        }
        return values[i];
    }

    /** An int or uint field (uint values hold their unsigned bits). */
    public long getLong(String fieldName) {
        return (Long) get(fieldName);
    }

    /** A bool field. */
    public boolean getBoolean(String fieldName) {
        return (Boolean) get(fieldName);
    }

    /** A string field. */
    public String getString(String fieldName) {
        return (String) get(fieldName);
    }

    /** A []byte field. */
    public byte[] getBytes(String fieldName) {
        return (byte[]) get(fieldName);
    }

    /** A slice field. */
    public List<?> getList(String fieldName) {
        return (List<?>) get(fieldName);
    }

    /** A map field. */
    public Map<?, ?> getMap(String fieldName) {
        return (Map<?, ?>) get(fieldName);
    }

    /** A nested struct field. */
    public GobStruct getStruct(String fieldName) {
        return (GobStruct) get(fieldName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GobStruct other && type.equals(other.type) && GobValues.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + values.length;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type.name()).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(type.fields().get(i).name()).append('=').append(GobValues.toString(values[i]));
        }
        return sb.append('}').toString();
    }
}
