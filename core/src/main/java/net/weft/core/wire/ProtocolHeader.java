package net.weft.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 7 bytes each side sends first, without waiting for the other: ASCII {@code weave}, then the lowest
 * and highest protocol version it speaks. Both sides then pick the same version on their own.
 */
public final class ProtocolHeader {

    /** Length of the header. */
    public static final int BYTES = 7;
    /** The protocol name at the start of the header. */
    public static final String PROTOCOL = "weave";
    /** The version this codebase speaks (length-prefixed frames, features in a frame). */
    public static final int VERSION_2 = 2;

    private static final byte[] PROTOCOL_BYTES = PROTOCOL.getBytes(StandardCharsets.US_ASCII);

    private ProtocolHeader() {
    }

    /** The header advertising {@code [min, max]}. */
    public static byte[] encode(int min, int max) {
        VersionRange range = new VersionRange(min, max);
        byte[] out = Arrays.copyOf(PROTOCOL_BYTES, BYTES);
        out[PROTOCOL_BYTES.length] = (byte) range.min();
        out[PROTOCOL_BYTES.length + 1] = (byte) range.max();
        return out;
    }

    /** Reads the peer's header; rejects a wrong length or a protocol name other than {@code weave}. */
    public static ParseResult<VersionRange> parse(byte[] seven) {
        if (seven == null || seven.length != BYTES) {
            return ParseResult.rejected("protocol header must be " + BYTES + " bytes, got "
                    + (seven == null ? 0 : seven.length));
        }
        if (!Arrays.equals(seven, 0, PROTOCOL_BYTES.length, PROTOCOL_BYTES, 0, PROTOCOL_BYTES.length)) {
            return ParseResult.rejected("remote protocol header not recognised: "
                    + Arrays.toString(Arrays.copyOf(seven, PROTOCOL_BYTES.length)));
        }
        return ParseResult.ok(new VersionRange(seven[BYTES - 2] & 0xFF, seven[BYTES - 1] & 0xFF));
    }

    /**
     * The version both sides will use: the lower of the two maxima, provided it is at least the higher of
     * the two minima (otherwise the ranges do not overlap and the connection fails).
     */
    public static ParseResult<Integer> negotiate(VersionRange ours, VersionRange theirs) {
        int chosen = Math.min(ours.max(), theirs.max());
        if (chosen < Math.max(ours.min(), theirs.min())) {
            return ParseResult.rejected("remote version range " + theirs + " is incompatible with ours " + ours);
        }
        return ParseResult.ok(chosen);
    }
}
