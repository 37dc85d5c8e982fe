package net.weft.sleeve.fastpath;

import java.net.InetSocketAddress;
import java.util.List;
import net.weft.core.fastpath.FastPathCounts;
import net.weft.core.fastpath.MacSighting;

/**
 * Where the fast path hands what it does not decide itself: the router's inputs. Called from the fast path's
 * threads; implementations queue the work for the router thread and must not block.
 */
public interface SlowPath {

    /** Frames captured from the bridge that the table did not cover, in capture order. */
    void framesCaptured(List<byte[]> frames);

    /** A datagram as it arrived (no usable table entry for its sender, or it did not open): the router opens it. */
    void datagramReceived(InetSocketAddress from, byte[] wire);

    /** A datagram the fast path opened: {@code sender || frames}, with the frames it left to the router. */
    void datagramOpened(InetSocketAddress from, byte[] plainDatagram);

    /** Frames forwarded without the router since the last report, and the MACs they came from. */
    void report(List<MacSighting> sightings, FastPathCounts counts);

    /**
     * The host refused a datagram to {@code to} as larger than its route allows (don't-fragment is set on the
     * sleeve socket); {@code routeMtu} is that route's IP MTU as the kernel knows it, or -1 when unknown. At most
     * one report per destination per {@link SleeveFastPath#TOO_BIG_REPORT_INTERVAL_NS}.
     */
    void sendTooBig(InetSocketAddress to, int routeMtu);
}
