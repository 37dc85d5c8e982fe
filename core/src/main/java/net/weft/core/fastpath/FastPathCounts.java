package net.weft.core.fastpath;

/**
 * Frames the fast path handled since its previous report, under the router's counter names, so that metrics count
 * every frame once whichever path it took.
 *
 * @param captured  frames read from the bridge and sent ({@code frames_captured}, {@code frames_forwarded})
 * @param received  frames taken from peers' datagrams ({@code frames_received})
 * @param delivered of those, frames written to the bridge ({@code frames_delivered})
 * @param relayed   of those, frames sent on to another peer ({@code frames_forwarded})
 */
public record FastPathCounts(long captured, long received, long delivered, long relayed) {

    /** No frames. */
    public static final FastPathCounts NONE = new FastPathCounts(0, 0, 0, 0);

    /** Rejects negative counts. */
    public FastPathCounts {
        if (captured < 0 || received < 0 || delivered < 0 || relayed < 0) {
            throw new IllegalArgumentException("negative frame count");
        }
    }

    /** True when no frame was handled. */
    public boolean isEmpty() {
        return captured == 0 && received == 0 && delivered == 0 && relayed == 0;
    }
}
