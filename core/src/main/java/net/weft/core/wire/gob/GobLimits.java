package net.weft.core.wire.gob;

/**
 * Bounds the decoder enforces on peer input, so that no stream can make it allocate without bound, recurse
 * without bound or loop for long. Every count is also checked against the bytes that remain, since every
 * encoded value takes at least one byte.
 */
public final class GobLimits {

    /** Largest gob message; the TCP frame limit makes anything larger impossible anyway. */
    public static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
    /** Largest element count of a slice, array or map, and largest field count of a struct definition. */
    public static final int MAX_COLLECTION_COUNT = 1 << 20;
    /** Deepest nesting of values (struct in slice in map ...) and of types while matching them. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Most type definitions one stream may make. */
    public static final int MAX_TYPE_DEFINITIONS = 1024;
    /** Widest unsigned integer on the wire, in bytes after the count byte. */
    public static final int MAX_UINT_BYTES = 8;

    private GobLimits() {
    }
}
