package net.weft.core.fastpath;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import net.weft.core.forward.EthernetFrame;
import net.weft.core.id.PeerName;
import net.weft.core.view.MacView;

/**
 * What the router lets a fast path decide on its own, frozen at one moment: see the package comment for which
 * decisions those are and why each equals the router's. Every method returns {@code null} for "take the slow
 * path" and allocates nothing, so a data-path thread may call them per frame.
 *
 * <p>Immutable; its maps are only looked up, never iterated, so no hash order reaches an output.
 */
public final class FastPathTable {

    private final PeerName self;
    private final long generation;
    private final MacOwners macs;
    private final Map<PeerName, FastPathTarget> targets;
    private final Map<PeerName, FastPathHop> hops;

    private FastPathTable(PeerName self, long generation, MacOwners macs, Map<PeerName, FastPathTarget> targets,
            Map<PeerName, FastPathHop> hops) {
        this.self = self;
        this.generation = generation;
        this.macs = macs;
        this.targets = targets;
        this.hops = hops;
    }

    /**
     * A table for router {@code self}.
     *
     * @param generation a number that grows with every table the router publishes (for logs and tests)
     * @param macs       the MAC cache's entries
     * @param nextHops   the data-plane unicast routes, destination peer to next hop
     * @param usableHops the neighbours with a sleeve address; destinations whose next hop is not among them
     *                   take the slow path (which drops them with a reason)
     */
    public static FastPathTable of(PeerName self, long generation, List<MacView> macs,
            SortedMap<PeerName, PeerName> nextHops, Collection<FastPathHop> usableHops) {
        Map<PeerName, FastPathHop> hops = new HashMap<>();
        for (FastPathHop h : usableHops) {
            hops.put(h.peer(), h);
        }
        Map<PeerName, FastPathTarget> targets = new HashMap<>();
        nextHops.forEach((dst, next) -> {
            FastPathHop hop = hops.get(next);
            if (!dst.equals(self) && hop != null) {
                targets.put(dst, new FastPathTarget(dst, hop));
            }
        });
        return new FastPathTable(self, generation, MacOwners.of(macs), Map.copyOf(targets), Map.copyOf(hops));
    }

    /** A table that sends everything to the slow path (before the router published one). */
    public static FastPathTable empty(PeerName self) {
        return new FastPathTable(self, 0, MacOwners.of(List.of()), Map.of(), Map.of());
    }

    /** The router this table belongs to. */
    public PeerName self() {
        return self;
    }

    /** The table's number in the router's sequence of tables. */
    public long generation() {
        return generation;
    }

    /**
     * Where a frame captured from the local bridge goes, or null for the slow path: the frame must come from a
     * MAC known to be local, be for a unicast MAC known behind another reachable peer, and fit the next hop's
     * MTU.
     */
    public FastPathTarget forCaptured(byte[] frame, int offset, int length) {
        if (length < EthernetFrame.HEADER_BYTES || length > EthernetFrame.MAX_FRAME_BYTES) {
            return null;
        }
        long src = EthernetFrame.macAt(frame, offset + EthernetFrame.SRC_MAC_OFFSET);
        if (!self.equals(macs.owner(src))) {
            return null;
        }
        long dst = EthernetFrame.macAt(frame, offset);
        if (isGroup(dst)) {
            return null;
        }
        PeerName dstPeer = macs.owner(dst);
        if (dstPeer == null || dstPeer.equals(self)) {
            return null;
        }
        FastPathTarget target = targets.get(dstPeer);
        return target == null || length > target.hop().maxFrameBytes() ? null : target;
    }

    /** The neighbour {@code sender}'s hop, whose channel opens its datagrams; null when it has none. */
    public FastPathHop hopFrom(PeerName sender) {
        return hops.get(sender);
    }

    /**
     * True when a frame that {@code srcPeer} captured, addressed to us and received from neighbour {@code from},
     * is simply delivered to the local bridge: it fits that connection's MTU, its source MAC is already known
     * behind {@code srcPeer} and its destination is a unicast MAC known to be local.
     */
    public boolean deliverable(FastPathHop from, PeerName srcPeer, byte[] frame, int offset, int length) {
        if (length < EthernetFrame.HEADER_BYTES || length > from.maxFrameBytes() || srcPeer.equals(self)) {
            return false;
        }
        long src = EthernetFrame.macAt(frame, offset + EthernetFrame.SRC_MAC_OFFSET);
        if (!srcPeer.equals(macs.owner(src)) || isGroup(src)) {
            return false;
        }
        long dst = EthernetFrame.macAt(frame, offset);
        return !isGroup(dst) && self.equals(macs.owner(dst));
    }

    /**
     * Where a frame for another peer {@code dstPeer}, received from neighbour {@code from}, is relayed, or null
     * for the slow path (no usable route, too long for the receiving or the next connection, or a special frame,
     * which the router hands to the connection's forwarder instead).
     */
    public FastPathTarget forRelay(FastPathHop from, PeerName dstPeer, byte[] frame, int offset, int length) {
        if (length < EthernetFrame.HEADER_BYTES || length > from.maxFrameBytes() || dstPeer.equals(self)
                || special(frame, offset)) {
            return null;
        }
        FastPathTarget target = targets.get(dstPeer);
        return target == null || length > target.hop().maxFrameBytes() ? null : target;
    }

    /** The usable neighbours, in no particular order (for resolving their addresses once per table). */
    public Collection<FastPathHop> hops() {
        return hops.values();
    }

    /** How many MACs the table knows (for status and tests). */
    public int macCount() {
        return macs.size();
    }

    /** How many destination peers the table can send to (for status and tests). */
    public int targetCount() {
        return targets.size();
    }

    /** The 14 zero bytes that start a sleeve special frame (heartbeat, probe). */
    private static boolean special(byte[] frame, int offset) {
        for (int i = 0; i < EthernetFrame.HEADER_BYTES; i++) {
            if (frame[offset + i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isGroup(long mac) {
        return (mac & 0x0100_0000_0000L) != 0;
    }

    @Override
    public String toString() {
        return "FastPathTable[" + self + " #" + generation + ": " + macs.size() + " MACs, " + targets.size()
                + " destinations, " + hops.size() + " hops]";
    }
}
