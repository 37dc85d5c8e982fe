package net.weft.core.forward;

import java.util.List;
import java.util.Optional;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;

/**
 * Weave's per-frame forwarding rules (control-plane notes §6.2-6.4), as a pure function of the frame, the
 * MAC cache and the route tables. Holds our own name and the {@link MacCache} it learns into; the caller
 * acts on the returned {@link ForwardDecision}.
 *
 * <p>Loop safety rests on route agreement (every peer computes the same trees) plus one local guard: a
 * captured frame whose source MAC is known behind another peer is dropped, since it is most likely a
 * frame we injected and the bridge handed back. Sleeve frames carry no hop count.
 *
 * <p>Two checks go beyond Weave: frames whose source MAC is a group or zero address are dropped (such
 * addresses are invalid as sources and the Linux bridge drops them too; learning one would poison the
 * cache, e.g. learning {@code ff:ff:ff:ff:ff:ff} as local would silence every broadcast), and a frame a
 * peer claims we captured is dropped rather than relayed back into the mesh.
 */
public final class ForwardingRules {

    private static final ForwardDecision DELIVER = new ForwardDecision.Deliver();

    private final PeerName self;
    private final MacCache macs;

    /** Rules for the router named {@code self}, learning into {@code macs}. */
    public ForwardingRules(PeerName self, MacCache macs) {
        this.self = self;
        this.macs = macs;
    }

    /** Our own name. */
    public PeerName self() {
        return self;
    }

    /** The cache the rules learn into. */
    public MacCache macs() {
        return macs;
    }

    /**
     * Decides what to do with a frame captured from the local bridge: learn its source as ours, then send
     * it toward the peer behind its destination MAC, or along our own broadcast tree when that MAC is a
     * group address or unknown.
     */
    public ForwardDecision onCaptured(byte[] frame, RouteLookup routes, long nowNs) {
        if (!EthernetFrame.isValid(frame)) {
            return new ForwardDecision.Drop(EthernetFrame.invalidReason(frame));
        }
        MacAddress src = EthernetFrame.src(frame);
        if (!isValidSource(src)) {
            return invalidSource(src);
        }
        AddResult learned = macs.add(src, self, nowNs);
        if (learned instanceof AddResult.Conflict conflict) {
            return new ForwardDecision.Drop("source MAC " + src + " belongs to peer " + conflict.owner());
        }
        MacAddress dst = EthernetFrame.dst(frame);
        if (dst.equals(EthernetFrame.STP_MULTICAST)) {
            return new ForwardDecision.Drop("spanning-tree frame to " + dst);
        }
        Optional<PeerName> owner = dst.isGroup() ? Optional.empty() : macs.lookup(dst);
        if (owner.isEmpty()) {
            List<PeerName> hops = routes.broadcast(self);
            return hops.isEmpty()
                    ? new ForwardDecision.Drop("no peers to broadcast to")
                    : new ForwardDecision.Broadcast(hops);
        }
        PeerName dstPeer = owner.get();
        if (dstPeer.equals(self)) {
            return new ForwardDecision.Drop("destination MAC " + dst + " is local");
        }
        Optional<PeerName> hop = routes.unicast(dstPeer);
        if (hop.isEmpty()) {
            return new ForwardDecision.Drop("no route to peer " + dstPeer + " (destination MAC " + dst + ")");
        }
        return new ForwardDecision.Unicast(dstPeer, hop.get());
    }

    /**
     * Decides what to do with a frame a peer sent us, labelled with the peer that captured it
     * ({@code srcPeer}) and the peer it is for ({@code dstPeer}). Frames for another peer are relayed by
     * destination peer alone, without MAC learning. Frames for us teach {@code srcMAC -> srcPeer}, are
     * delivered locally and, unless their destination MAC is known to be local, passed on along
     * {@code srcPeer}'s broadcast tree.
     */
    public ForwardDecision onReceived(PeerName srcPeer, PeerName dstPeer, byte[] frame, RouteLookup routes,
            long nowNs) {
        if (!EthernetFrame.isValid(frame)) {
            return new ForwardDecision.Drop(EthernetFrame.invalidReason(frame));
        }
        if (!dstPeer.equals(self)) {
            Optional<PeerName> hop = routes.unicast(dstPeer);
            return hop.isEmpty()
                    ? new ForwardDecision.Drop("no route to relay to peer " + dstPeer)
                    : new ForwardDecision.Relay(dstPeer, hop.get());
        }
        if (srcPeer.equals(self)) {
            return new ForwardDecision.Drop("frame from a peer claims to have been captured by us");
        }
        MacAddress src = EthernetFrame.src(frame);
        if (!isValidSource(src)) {
            return invalidSource(src);
        }
        macs.addForced(src, srcPeer, nowNs);
        MacAddress dst = EthernetFrame.dst(frame);
        if (!dst.isGroup() && macs.lookup(dst).filter(self::equals).isPresent()) {
            return DELIVER;
        }
        List<PeerName> hops = routes.broadcast(srcPeer);
        return hops.isEmpty() ? DELIVER : new ForwardDecision.DeliverAndBroadcast(hops);
    }

    private static boolean isValidSource(MacAddress src) {
        return !src.isGroup() && src.value() != 0;
    }

    private static ForwardDecision invalidSource(MacAddress src) {
        return new ForwardDecision.Drop("source MAC " + src + " is a group or zero address");
    }
}
