package net.weft.core.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Splits a TCP byte stream into messages: each is a 4-byte big-endian length and that many body bytes.
 * Pure and incremental: feed whatever chunks arrive, take out whole frames as they complete.
 *
 * <p>The handshake starts with unframed bytes (the 7-byte header, the encryption flag, maybe a 32-byte
 * key); {@link #takeRaw} takes those from the same buffer, so nothing read early is lost when framing
 * starts. A length over {@link #MAX_FRAME_BYTES} puts the reader in a failed state for good
 * ({@link #failure()}): the connection must be closed, since the stream can no longer be delimited.
 * Zero-length frames are returned as empty bodies (Weave ignores them). The buffer holds whatever is fed
 * and not yet taken, so callers drain after each feed. Not thread-safe.
 */
public final class FrameReader {

    /** Largest frame body either side sends or accepts (Weave's maxTCPMsgSize). */
    public static final int MAX_FRAME_BYTES = 10 * 1024 * 1024;
    /** Size of the length prefix. */
    public static final int LENGTH_BYTES = 4;

    private static final int INITIAL_CAPACITY = 4096;

    private byte[] buf = new byte[INITIAL_CAPACITY];
    private int start;
    private int end;
    private String failure;

    /** Appends received bytes; ignored once failed. */
    public void feed(byte[] chunk, int off, int len) {
        if (failure != null || len == 0) {
            return;
        }
        if (end + len > buf.length) {
            compactFor(len);
        }
        System.arraycopy(chunk, off, buf, end, len);
        end += len;
    }

    /** Appends a whole array. */
    public void feed(byte[] chunk) {
        feed(chunk, 0, chunk.length);
    }

    /** Exactly {@code n} unframed bytes, if that many are buffered (and the reader has not failed). */
    public Optional<byte[]> takeRaw(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative length " + n);
        }
        if (failure != null || end - start < n) {
            return Optional.empty();
        }
        byte[] out = Arrays.copyOfRange(buf, start, start + n);
        consumed(n);
        return Optional.of(out);
    }

    /** The next complete frame body, or empty if none is complete yet or the reader has failed. */
    public Optional<byte[]> next() {
        if (failure != null || end - start < LENGTH_BYTES) {
            return Optional.empty();
        }
        long length = ((buf[start] & 0xFFL) << 24) | ((buf[start + 1] & 0xFF) << 16)
                | ((buf[start + 2] & 0xFF) << 8) | (buf[start + 3] & 0xFF);
        if (length > MAX_FRAME_BYTES) {
            failure = "received frame of " + length + " bytes exceeds limit of " + MAX_FRAME_BYTES;
            return Optional.empty();
        }
        if (end - start - LENGTH_BYTES < length) {
            return Optional.empty();
        }
        int bodyStart = start + LENGTH_BYTES;
        byte[] body = Arrays.copyOfRange(buf, bodyStart, bodyStart + (int) length);
        consumed(LENGTH_BYTES + (int) length);
        return Optional.of(body);
    }

    /** Every complete frame body buffered now, in order. */
    public List<byte[]> drain() {
        List<byte[]> out = new ArrayList<>();
        Optional<byte[]> frame;
        while ((frame = next()).isPresent()) {
            out.add(frame.get());
        }
        return out;
    }

    /** True once a frame length exceeded the limit. */
    public boolean failed() {
        return failure != null;
    }

    /** Why the reader failed, or empty. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Bytes received but not yet taken. */
    public int buffered() {
        return end - start;
    }

    /**
     * A frame: 4-byte big-endian length, then the body.
     *
     * @throws IllegalArgumentException when the body exceeds {@link #MAX_FRAME_BYTES} (the sender's bug)
     */
    public static byte[] frame(byte[] body) {
        byte[] out = new byte[LENGTH_BYTES + body.length];
        writeLength(out, body.length);
        System.arraycopy(body, 0, out, LENGTH_BYTES, body.length);
        return out;
    }

    /**
     * Writes the 4-byte length prefix of a {@code bodyLength}-byte body at the start of {@code framed}, for callers
     * that build the body in place after it.
     *
     * @throws IllegalArgumentException when the body exceeds {@link #MAX_FRAME_BYTES} (the sender's bug)
     */
    public static void writeLength(byte[] framed, int bodyLength) {
        if (bodyLength > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("frame of " + bodyLength + " bytes exceeds limit of "
                    + MAX_FRAME_BYTES);
        }
        framed[0] = (byte) (bodyLength >>> 24);
        framed[1] = (byte) (bodyLength >>> 16);
        framed[2] = (byte) (bodyLength >>> 8);
        framed[3] = (byte) bodyLength;
    }

    /** Advances past taken bytes; an emptied buffer restarts at 0 and gives back memory a big frame took. */
    private void consumed(int n) {
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
            if (buf.length > INITIAL_CAPACITY) {
                buf = new byte[INITIAL_CAPACITY];
            }
        }
    }

    private void compactFor(int extra) {
        int live = end - start;
        byte[] target = live + extra > buf.length ? new byte[Math.max(buf.length * 2, live + extra)] : buf;
        System.arraycopy(buf, start, target, 0, live);
        buf = target;
        start = 0;
        end = live;
    }
}
