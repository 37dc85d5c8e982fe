package net.weft.core.wire.gob;

import java.util.Optional;

/**
 * The gob types both ends know without a definition, with their fixed ids.
 *
 * <p>{@link #COMPLEX} and {@link #INTERFACE} exist so that a decoder can skip values of those kinds in
 * fields it does not want; they cannot be encoded or decoded into.
 */
public enum PredefinedType implements GobType {
    /** Go bool; Java {@link Boolean}. */
    BOOL(1, "bool"),
    /** Go signed integers of every width; Java {@link Long}. */
    INT(2, "int"),
    /** Go unsigned integers of every width; Java {@link Long} holding the unsigned bits. */
    UINT(3, "uint"),
    /** Go float32/float64; Java {@link Double}. */
    FLOAT(4, "float"),
    /** Go []byte; Java {@code byte[]}. */
    BYTES(5, "bytes"),
    /** Go string; Java {@link String} (UTF-8 on the wire). */
    STRING(6, "string"),
    /** Go complex64/128: skip only. */
    COMPLEX(7, "complex"),
    /** Go interface values: skip only. */
    INTERFACE(8, "interface");

    /** Id of the predefined {@code wireType} struct (type definitions are values of it). */
    public static final int WIRE_TYPE_ID = 16;
    /** Highest id reserved for the predefined type-description types (ArrayType .. MapType). */
    public static final int LAST_RESERVED_ID = 23;
    /** Lowest id a Go encoder hands to user types; smaller ids are reserved. */
    public static final int FIRST_USER_TYPE_ID = 64;

    /** The value types in id order (ids 1..8 are contiguous). */
    private static final PredefinedType[] BY_ID = values();

    private final int id;
    private final String goName;

    PredefinedType(int id, String goName) {
        this.id = id;
        this.goName = goName;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String goName() {
        return goName;
    }

    @Override
    public Object zeroValue() {
        switch (this) {
            case BOOL:
                return Boolean.FALSE;
            case INT:
            case UINT:
                return 0L;
            case FLOAT:
                return 0.0d;
            case BYTES:
                return new byte[0];
            case STRING:
                return "";
            default:
                throw new IllegalStateException(goName + " has no local representation");
        }
    }

    /** True for the types that have a Java representation (all but complex and interface). */
    public boolean isLocal() {
        return this != COMPLEX && this != INTERFACE;
    }

    /** The predefined value type with this id, if any. */
    public static Optional<PredefinedType> of(long id) {
        return id > 0 && id <= BY_ID.length ? Optional.of(BY_ID[(int) id - 1]) : Optional.empty();
    }

    /** True for every id the gob format reserves for itself (value types and type-description types). */
    public static boolean isReserved(long id) {
        return id < FIRST_USER_TYPE_ID;
    }
}
