package net.weft.core.crypto;

/**
 * Weave's sleeve replay protection ({@code NaClDecryptorInstance.advanceState}) for one DF flag.
 *
 * <p>The 63-bit sequence space is cut into windows of {@value #WINDOW_BITS} numbers: {@code window = seq >>>
 * 20}, {@code offset = seq & (2^20 - 1)}. Two sets record the offsets accepted in the current window and in
 * the previous one. A packet in the current window or one window back is new unless its offset is in the
 * matching set; more than one window back it is too old. A packet one window ahead slides the windows (the
 * current set becomes the previous one); further ahead it resets both.
 *
 * <p>{@link #check} only looks; {@link #accept} changes state and must be called only after the packet
 * authenticated, so that a forged huge sequence number cannot move the window. Between the two calls
 * nothing else may touch the window (it is not thread-safe).
 */
final class ReplayWindow {

    /** Log2 of the window width (Weave's {@code WindowSize}). */
    static final int WINDOW_SIZE_LOG2 = 20;
    /** Sequence numbers per window. */
    static final int WINDOW_BITS = 1 << WINDOW_SIZE_LOG2;
    private static final long OFFSET_MASK = WINDOW_BITS - 1;

    /** What {@link #check} decided. */
    enum Verdict {
        /** Not seen before and recent enough. */
        FRESH,
        /** Already accepted. */
        REPLAY,
        /** More than one window behind the current one. */
        TOO_OLD
    }

    private long currentWindow;
    private PagedBitSet current = new PagedBitSet(WINDOW_BITS);
    private PagedBitSet previous = new PagedBitSet(WINDOW_BITS);

    /** Whether {@code sequence} (0 .. 2^63-1) would be new; changes nothing. */
    Verdict check(long sequence) {
        long delta = (sequence >>> WINDOW_SIZE_LOG2) - currentWindow;
        int offset = (int) (sequence & OFFSET_MASK);
        if (delta < -1) {
            return Verdict.TOO_OLD;
        }
        if (delta == -1) {
            return previous.get(offset) ? Verdict.REPLAY : Verdict.FRESH;
        }
        if (delta == 0) {
            return current.get(offset) ? Verdict.REPLAY : Verdict.FRESH;
        }
        return Verdict.FRESH;
    }

    /** Records an authenticated {@code sequence} that {@link #check} found {@link Verdict#FRESH}. */
    void accept(long sequence) {
        long window = sequence >>> WINDOW_SIZE_LOG2;
        long delta = window - currentWindow;
        int offset = (int) (sequence & OFFSET_MASK);
        if (delta == -1) {
            previous.set(offset);
            return;
        }
        if (delta == 1) {
            PagedBitSet recycled = previous;
            recycled.clear();
            previous = current;
            current = recycled;
        } else if (delta > 1) {
            previous.clear();
            current.clear();
        } else if (delta < -1) {
            throw new IllegalStateException("accept() of a too-old sequence number " + sequence);
        }
        currentWindow = window;
        current.set(offset);
    }

    /** The window the newest accepted packets belong to. */
    long currentWindow() {
        return currentWindow;
    }
}
