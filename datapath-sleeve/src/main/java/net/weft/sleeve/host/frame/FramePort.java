package net.weft.sleeve.host.frame;

import java.nio.ByteBuffer;

/**
 * A kernel Ethernet port that this process reads frames from and writes frames to: what the sleeve
 * data path captures from and injects into. Implemented by a TAP device and by an AF_PACKET socket on a
 * veth end; both carry plain Ethernet frames (destination MAC first, no FCS), one per call.
 *
 * <p>Reads and writes may run on different threads; each direction must be used by one thread at a
 * time. A blocked read is not woken by {@link #close()}: readers that must stop read with
 * {@link #readFrame(ByteBuffer, int)} and check their own stop flag between calls.
 */
public interface FramePort extends AutoCloseable {

    /** Largest frame read or written. */
    int MAX_FRAME_BYTES = 65_535;

    /** The kernel interface name of the port. */
    String name();

    /**
     * Waits until a frame can be read or the timeout passes.
     *
     * @param timeoutMs 0 checks without waiting, negative waits without limit
     * @return true when the next read will not block
     */
    boolean awaitFrame(int timeoutMs);

    /**
     * Reads one frame into a direct buffer between its position and limit (a longer frame is truncated)
     * and advances the position; blocks until a frame arrives.
     *
     * @return the number of bytes stored
     */
    int readFrame(ByteBuffer direct);

    /**
     * Like {@link #readFrame(ByteBuffer)} but waits at most {@code timeoutMs}: the loop for a reader that
     * must notice a stop request, at one system call per frame while frames keep coming.
     *
     * @return the number of bytes stored, or 0 when no frame came in time
     */
    int readFrame(ByteBuffer direct, int timeoutMs);

    /** Like {@link #readFrame(ByteBuffer)} into {@code buffer[offset, offset + length)} (one extra copy). */
    int readFrame(byte[] buffer, int offset, int length);

    /** Injects the frame between a direct buffer's position and limit and advances the position. */
    void writeFrame(ByteBuffer direct);

    /** Injects {@code frame[offset, offset + length)} (one extra copy when offset is not 0). */
    void writeFrame(byte[] frame, int offset, int length);

    /** Releases the port (and removes the interfaces it created). Idempotent. */
    @Override
    void close();
}
