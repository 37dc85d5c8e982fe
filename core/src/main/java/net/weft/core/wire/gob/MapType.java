package net.weft.core.wire.gob;

import java.util.Map;

/**
 * A Go map type {@code map[key]elem}. Java value: {@link Map}; the encoder writes entries in the map's
 * iteration order, so pass a {@link java.util.LinkedHashMap} or {@link java.util.SortedMap} when the byte
 * order matters. Keys are limited to scalar predefined types (Go forbids slice and map keys; struct keys
 * are not needed here).
 */
public record MapType(int id, String name, GobType key, GobType elem) implements GobType {

    /** Validates the id, a scalar key type and a local element type. */
    public MapType {
        GobTypes.requireUserId(id);
        name = name == null ? "" : name;
        GobTypes.requireLocal(key);
        GobTypes.requireLocal(elem);
        if (!(key instanceof PredefinedType) || key == PredefinedType.BYTES) {
            throw new IllegalArgumentException("map keys must be bool, int, uint, float or string: " + key);
        }
    }

    /** An unnamed map type, as Go defines {@code map[K]V} written inline. */
    public static MapType of(int id, GobType key, GobType elem) {
        return new MapType(id, "", key, elem);
    }

    @Override
    public String goName() {
        return name;
    }

    @Override
    public Object zeroValue() {
        return Map.of();
    }
}
