package net.weft.core.forward;

import java.util.List;
import net.weft.core.id.PeerName;

/**
 * What to do with one Ethernet frame, decided by {@link ForwardingRules}. The router turns a decision into
 * sleeve frames and effects; the decision itself is data so that tests and the viewer can read it.
 *
 * <p>Sleeve addressing of the resulting frames: {@link Unicast} and every copy of a {@link Broadcast} are
 * sent with {@code srcPeer = self}; {@link Relay} keeps the original {@code srcPeer} and {@code dstPeer};
 * the copies of {@link DeliverAndBroadcast} keep the original {@code srcPeer}. Every broadcast copy is
 * addressed with {@code dstPeer} = the neighbour it goes to, so each receiver sees itself as destination.
 */
public sealed interface ForwardDecision {

    /** Do nothing with the frame; {@code reason} is fit for a trace line. */
    record Drop(String reason) implements ForwardDecision { }

    /** A captured frame for a MAC behind {@code dstPeer}: send it to neighbour {@code nextHop}. */
    record Unicast(PeerName dstPeer, PeerName nextHop) implements ForwardDecision { }

    /** A captured frame for a group or unknown MAC: one copy to each neighbour (our own tree). */
    record Broadcast(List<PeerName> nextHops) implements ForwardDecision {
        /** Copies the list. */
        public Broadcast {
            nextHops = List.copyOf(nextHops);
        }
    }

    /** A frame for us whose destination MAC is local: inject it into the local bridge only. */
    record Deliver() implements ForwardDecision { }

    /**
     * A frame for us whose destination MAC is a group, unknown or remote address: inject it locally and
     * pass it on along the source peer's broadcast tree.
     */
    record DeliverAndBroadcast(List<PeerName> nextHops) implements ForwardDecision {
        /** Copies the list. */
        public DeliverAndBroadcast {
            nextHops = List.copyOf(nextHops);
        }
    }

    /** A frame in transit to {@code dstPeer}: pass it unchanged to neighbour {@code nextHop}. */
    record Relay(PeerName dstPeer, PeerName nextHop) implements ForwardDecision { }
}
