package net.weft.core.wire.gob;

import java.util.HashMap;
import java.util.Map;

/**
 * The type definitions one stream has made, keyed by the sender's ids. Ids belong to the stream: the same
 * id may mean different types on different streams. The map is only looked up, never iterated.
 */
final class TypeTable {

    private final Map<Integer, WireType> defined = new HashMap<>();

    /** Records a definition; rejects reserved ids, redefinitions and too many definitions. */
    void define(long id, WireType type) throws GobFormatException {
        if (PredefinedType.isReserved(id) || id > Integer.MAX_VALUE) {
            throw new GobFormatException("type definition for reserved or invalid id " + id);
        }
        if (defined.containsKey((int) id)) {
            throw new GobFormatException("duplicate definition of type id " + id);
        }
        if (defined.size() >= GobLimits.MAX_TYPE_DEFINITIONS) {
            throw new GobFormatException("more than " + GobLimits.MAX_TYPE_DEFINITIONS + " type definitions");
        }
        defined.put((int) id, type);
    }

    /** The stream's definition of a user type id; rejects ids never defined. */
    WireType user(long id) throws GobFormatException {
        WireType t = lookup(id);
        if (t == null) {
            throw new GobFormatException("unknown type id " + id);
        }
        return t;
    }

    /** True when the id names a predefined value type or a type defined on this stream. */
    boolean isKnown(long id) {
        return PredefinedType.of(id).isPresent() || lookup(id) != null;
    }

    /** True when the id names a struct type defined on this stream. */
    boolean isStruct(long id) {
        return lookup(id) instanceof WireType.WireStruct;
    }

    /** The stream's definition of {@code id}, or null. */
    WireType lookup(long id) {
        return id > 0 && id <= Integer.MAX_VALUE ? defined.get((int) id) : null;
    }
}
