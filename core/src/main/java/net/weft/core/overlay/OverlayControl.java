package net.weft.core.overlay;

import java.util.Arrays;
import java.util.Objects;
import net.weft.core.wire.ParseResult;

/**
 * The body of a TCP tag-7 ({@code OverlayControlMsg}) message: {@code [overlay index][sub-tag][message...]}
 * (control-plane notes §6.5). The index selects the sub-forwarder in the list of overlays both peers have
 * in common; the sub-tag and message mean whatever that overlay defines (see {@link SleeveControl}).
 *
 * <p>Weave indexes into its forwarder list without checks; {@link #decode} rejects short bodies, and the
 * receiver must reject indexes it has no overlay for.
 *
 * @param overlayIndex 0..255, position in the common overlay list
 * @param subTag       0..255, meaning defined by the overlay
 * @param message      the rest of the body; not copied
 */
public record OverlayControl(int overlayIndex, int subTag, byte[] message) {

    /** Index byte plus sub-tag byte. */
    public static final int HEADER_BYTES = 2;
    /** Weave keeps at most 256 overlays in common, so an index fits one byte. */
    public static final int MAX_INDEX = 255;
    /** Sub-tags are one byte. */
    public static final int MAX_SUB_TAG = 255;

    /** Validates the byte ranges. */
    public OverlayControl {
        if (overlayIndex < 0 || overlayIndex > MAX_INDEX) {
            throw new IllegalArgumentException("overlay index out of range: " + overlayIndex);
        }
        if (subTag < 0 || subTag > MAX_SUB_TAG) {
            throw new IllegalArgumentException("sub-tag out of range: " + subTag);
        }
        Objects.requireNonNull(message, "message");
    }

    /** Parses a tag-7 body a peer sent; never throws. */
    public static ParseResult<OverlayControl> decode(byte[] body) {
        if (body == null || body.length < HEADER_BYTES) {
            return ParseResult.rejected("overlay control message shorter than " + HEADER_BYTES + " bytes: "
                    + (body == null ? 0 : body.length));
        }
        return ParseResult.ok(new OverlayControl(body[0] & 0xFF, body[1] & 0xFF,
                Arrays.copyOfRange(body, HEADER_BYTES, body.length)));
    }

    /** The tag-7 body (without the TCP length prefix and tag byte). */
    public byte[] encode() {
        byte[] out = new byte[HEADER_BYTES + message.length];
        out[0] = (byte) overlayIndex;
        out[1] = (byte) subTag;
        System.arraycopy(message, 0, out, HEADER_BYTES, message.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OverlayControl c && overlayIndex == c.overlayIndex && subTag == c.subTag
                && Arrays.equals(message, c.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(overlayIndex, subTag, Arrays.hashCode(message));
    }

    @Override
    public String toString() {
        return "OverlayControl[index=" + overlayIndex + ", subTag=" + subTag + ", " + message.length + " bytes]";
    }
}
