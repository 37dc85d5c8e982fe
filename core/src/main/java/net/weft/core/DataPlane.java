package net.weft.core;

import java.util.List;
import net.weft.core.effect.Effect;
import net.weft.core.forward.ForwardDecision;
import net.weft.core.forward.ForwardingRules;
import net.weft.core.forward.MacCache;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.overlay.SleeveFrame;
import net.weft.core.overlay.SleevePacket;
import net.weft.core.overlay.SpecialFrames;
import net.weft.core.trace.TraceEvent;
import net.weft.core.wire.ParseResult;

/**
 * The reference sleeve data plane: frames captured from the local bridge and sleeve datagrams from peers go
 * through the pure forwarding rules; the decisions become datagrams to next hops and frames for the bridge.
 * Heartbeats are handed to the peer's overlay forwarder. One frame per datagram; batching and the fast
 * paths belong to the datapath modules, which apply the same rules.
 */
final class DataPlane {

    private final RouterState s;
    private final MacCache macs;
    private final ForwardingRules rules;
    private final ConnectionLifecycle lifecycle;

    DataPlane(RouterState state, ConnectionLifecycle lifecycle) {
        this.s = state;
        this.lifecycle = lifecycle;
        this.macs = new MacCache(state.timings.macMaxAgeNs());
        this.rules = new ForwardingRules(state.self(), macs);
    }

    MacCache macs() {
        return macs;
    }

    void onFrameCaptured(byte[] frame) {
        s.out.count("frames_captured");
        apply(s.self(), rules.onCaptured(frame, s.routes, s.now()), frame);
    }

    void onDatagram(Endpoint from, byte[] datagram) {
        ParseResult<SleevePacket> parsed = SleevePacket.decode(datagram);
        if (!parsed.isOk()) {
            dropDatagram(from, parsed.reason());
            return;
        }
        SleevePacket packet = parsed.value();
        LocalConnection c = s.byPeer.get(packet.sender());
        if (c == null || c.forwarder == null) {
            dropDatagram(from, "no connection to sender " + packet.sender());
            return;
        }
        for (SleeveFrame f : packet.frames()) {
            if (SpecialFrames.isSpecial(f.frame())) {
                lifecycle.runForwarder(c, c.forwarder.onSpecialFrame(from, f, s.now()));
            } else {
                s.out.count("frames_received");
                apply(f.src(), rules.onReceived(f.src(), f.dst(), f.frame(), s.routes, s.now()), f.frame());
            }
        }
    }

    void onPeerRemoved(PeerName peer) {
        macs.removePeer(peer);
    }

    void onTimer(long now) {
        macs.expire(now);
    }

    private void apply(PeerName src, ForwardDecision d, byte[] frame) {
        if (d instanceof ForwardDecision.Drop drop) {
            s.out.count("frames_dropped");
            s.trace(new TraceEvent.FrameDropped(s.now(), s.self(), drop.reason(), frame.length));
        } else if (d instanceof ForwardDecision.Unicast u) {
            send(src, u.dstPeer(), u.nextHop(), frame);
        } else if (d instanceof ForwardDecision.Relay r) {
            send(src, r.dstPeer(), r.nextHop(), frame);
        } else if (d instanceof ForwardDecision.Broadcast b) {
            broadcast(src, b.nextHops(), frame);
        } else if (d instanceof ForwardDecision.Deliver) {
            deliver(src, frame);
        } else if (d instanceof ForwardDecision.DeliverAndBroadcast db) {
            deliver(src, frame);
            broadcast(src, db.nextHops(), frame);
        }
    }

    private void deliver(PeerName src, byte[] frame) {
        s.out.emit(new Effect.DeliverFrame(frame));
        s.out.count("frames_delivered");
        s.trace(new TraceEvent.FrameDelivered(s.now(), s.self(), src, frame.length));
    }

    private void broadcast(PeerName src, List<PeerName> hops, byte[] frame) {
        for (PeerName hop : hops) {
            send(src, hop, hop, frame);
        }
    }

    private void send(PeerName src, PeerName dst, PeerName hop, byte[] frame) {
        LocalConnection c = s.byPeer.get(hop);
        if (c == null || c.forwarder == null || c.forwarder.remote().isEmpty()) {
            s.out.count("frames_dropped");
            s.trace(new TraceEvent.FrameDropped(s.now(), s.self(), "no UDP path to next hop " + hop, frame.length));
            return;
        }
        byte[] datagram = SleevePacket.encode(s.self(), List.of(new SleeveFrame(src, dst, frame)));
        s.out.emit(new Effect.SendDatagram(c.forwarder.remote().get(), datagram));
        s.out.count("frames_forwarded");
        s.trace(new TraceEvent.FrameForwarded(s.now(), s.self(), src, dst, hop, frame.length));
    }

    private void dropDatagram(Endpoint from, String reason) {
        s.out.count("datagrams_dropped");
        s.trace(new TraceEvent.DatagramDropped(s.now(), s.self(), from, reason));
    }
}
