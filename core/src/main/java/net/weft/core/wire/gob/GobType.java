package net.weft.core.wire.gob;

/**
 * A local gob type: what we encode and what we ask the decoder to produce.
 *
 * <p>Predefined types ({@link PredefinedType}) have fixed ids known to both ends. User types
 * ({@link StructType}, {@link SliceType}, {@link MapType}) carry the id this side assigns when it defines
 * them on an encoder. Go numbers user types per process, in the order the process first meets them, so a
 * codec that wants byte-identical output with a given Go program picks the same ids (see
 * {@code net.weft.core.wire.WeaveGobTypes}). A decoder never relies on ids: it reads the sender's
 * definitions and matches them to these local types by shape and field name.
 */
public sealed interface GobType permits PredefinedType, StructType, SliceType, MapType {

    /** The type id: fixed for predefined types, chosen by the encoding side for user types. */
    int id();

    /** The Go type name sent in definitions; empty for unnamed slices and maps. */
    String goName();

    /** The value a Go receiver would hold for an absent field of this type (see package docs). */
    Object zeroValue();
}
