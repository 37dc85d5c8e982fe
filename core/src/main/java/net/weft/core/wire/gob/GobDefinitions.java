package net.weft.core.wire.gob;

import java.util.Map;
import java.util.TreeMap;

/**
 * The type definitions our encoder writes for one local type (the type itself and every user type it refers
 * to), parsed back into the sender's form. A decoder compares a stream's definitions with these
 * ({@link GobDecoder#defines}) to learn whether the stream's value bytes can be compared with ours byte for byte.
 * Immutable.
 */
public final class GobDefinitions {

    private final Map<Integer, WireType> byId;

    private GobDefinitions(Map<Integer, WireType> byId) {
        this.byId = byId;
    }

    /** The definitions a fresh stream of ours writes before the first value of {@code type}. */
    public static GobDefinitions of(GobType type) {
        byte[] bytes = GobEncoder.definitions(type);
        GobReader in = new GobReader(bytes, 0, bytes.length);
        TreeMap<Integer, WireType> parsed = new TreeMap<>();
        try {
            while (in.remaining() > 0) {
                int length = (int) in.readUint();
                int end = in.position() + length;
                in.limit(end);
                int id = (int) -in.readInt();
                parsed.put(id, WireTypeParser.parse(in));
                in.limit(bytes.length);
            }
        } catch (GobFormatException e) {
            throw new IllegalStateException("our own definitions of " + type.goName() + " do not parse", e);
        }
        return new GobDefinitions(Map.copyOf(parsed));
    }

    boolean matches(TypeTable types) {
        for (Map.Entry<Integer, WireType> e : byId.entrySet()) {
            if (!e.getValue().equals(types.lookup(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
