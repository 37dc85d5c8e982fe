package net.weft.core.wire;

/** The protocol versions one side accepts, as its handshake header states them (bytes, so 0..255). */
public record VersionRange(int min, int max) {

    /** What Weave 2.x advertises. */
    public static final VersionRange WEAVE = new VersionRange(1, 2);

    /** Checks that both ends fit in a byte; min above max is allowed here and fails negotiation. */
    public VersionRange {
        if (min < 0 || min > 0xFF || max < 0 || max > 0xFF) {
            throw new IllegalArgumentException("versions are single bytes: [" + min + "," + max + "]");
        }
    }

    @Override
    public String toString() {
        return "[" + min + "," + max + "]";
    }
}
