package net.weft.core.wire.gob;

import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked cursor over gob bytes. The limit can be narrowed to the end of the current message so
 * that no value reads past its message. Every read either succeeds or throws {@link GobFormatException}.
 */
final class GobReader {

    private final byte[] data;
    private int pos;
    private int limit;

    GobReader(byte[] data, int offset, int length) {
        this.data = data;
        this.pos = offset;
        this.limit = offset + length;
    }

    int position() {
        return pos;
    }

    void position(int newPosition) {
        pos = newPosition;
    }

    byte[] data() {
        return data;
    }

    int limit() {
        return limit;
    }

    void limit(int newLimit) {
        limit = newLimit;
    }

    int remaining() {
        return limit - pos;
    }

    /** Reads an unsigned integer: one byte below 128, else a negated byte count and big-endian bytes. */
    long readUint() throws GobFormatException {
        need(1, "unsigned integer");
        int first = data[pos++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int n = 256 - first;
        if (n > GobLimits.MAX_UINT_BYTES) {
            throw new GobFormatException("unsigned integer claims " + n + " bytes (at most "
                    + GobLimits.MAX_UINT_BYTES + ")");
        }
        need(n, "unsigned integer");
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (data[pos++] & 0xFF);
        }
        return v;
    }

    /** Reads a signed integer: bit 0 of the unsigned form says whether to complement the rest. */
    long readInt() throws GobFormatException {
        long u = readUint();
        return (u & 1) != 0 ? ~(u >>> 1) : u >>> 1;
    }

    /** Reads a byte count for a string or []byte and checks that many bytes remain. */
    int readLength(String what) throws GobFormatException {
        long u = readUint();
        if (u < 0 || u > remaining()) {
            throw new GobFormatException("truncated " + what + ": length " + Long.toUnsignedString(u) + " but only "
                    + remaining() + " bytes remain");
        }
        return (int) u;
    }

    /**
     * Reads an element count and checks it against {@link GobLimits#MAX_COLLECTION_COUNT} and against the
     * remaining bytes, given the fewest bytes one element can take.
     */
    int readCount(String what, int minBytesPerElement) throws GobFormatException {
        long u = readUint();
        if (u < 0 || u > GobLimits.MAX_COLLECTION_COUNT) {
            throw new GobFormatException(what + " count " + Long.toUnsignedString(u) + " exceeds limit of "
                    + GobLimits.MAX_COLLECTION_COUNT);
        }
        if (u * minBytesPerElement > remaining()) {
            throw new GobFormatException("truncated " + what + ": " + u + " elements cannot fit in "
                    + remaining() + " bytes");
        }
        return (int) u;
    }

    byte[] readBytes(int n) throws GobFormatException {
        need(n, "bytes");
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    String readString(String what) throws GobFormatException {
        int n = readLength(what);
        String s = new String(data, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    void skip(int n) throws GobFormatException {
        need(n, "bytes");
        pos += n;
    }

    private void need(int n, String what) throws GobFormatException {
        if (n > limit - pos) {
            throw new GobFormatException("truncated " + what + ": need " + n + " bytes, " + (limit - pos)
                    + " remain");
        }
    }
}
