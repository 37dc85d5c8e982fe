package net.weft.core.wire.gob;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the gob primitive encodings. */
final class GobWriter {

    private static final int INITIAL_CAPACITY = 64;

    private byte[] buf = new byte[INITIAL_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    void writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    void writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, size, length);
        size += length;
    }

    /** Appends another writer's contents. */
    void writeAll(GobWriter other) {
        writeBytes(other.buf, 0, other.size);
    }

    /** Unsigned integer: one byte below 128, else the negated byte count and minimal big-endian bytes. */
    void writeUint(long v) {
        if (v >= 0 && v < 0x80) {
            writeByte((int) v);
            return;
        }
        int n = 8 - Long.numberOfLeadingZeros(v) / 8;
        ensure(n + 1);
        buf[size++] = (byte) -n;
        for (int i = n - 1; i >= 0; i--) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
    }

    /** Signed integer: shifted left one bit, complemented with bit 0 set when negative. */
    void writeInt(long v) {
        writeUint(v < 0 ? (~v << 1) | 1 : v << 1);
    }

    /** Length-prefixed bytes ([]byte or string). */
    void writeCounted(byte[] bytes) {
        writeUint(bytes.length);
        writeBytes(bytes, 0, bytes.length);
    }

    void writeString(String s) {
        writeCounted(s.getBytes(StandardCharsets.UTF_8));
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }
}
