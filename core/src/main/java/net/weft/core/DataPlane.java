package net.weft.core;

import java.util.List;
import java.util.Optional;
import net.weft.core.effect.Effect;
import net.weft.core.fastpath.FastPathCounts;
import net.weft.core.fastpath.MacSighting;
import net.weft.core.forward.EthernetFrame;
import net.weft.core.forward.ForwardDecision;
import net.weft.core.forward.ForwardingRules;
import net.weft.core.forward.MacCache;
import net.weft.core.forward.OversizeFrames;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.crypto.SleeveOpenOutcome;
import net.weft.core.overlay.SleeveChannel;
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
 *
 * <p>Datagrams to and from each neighbour go through that connection's {@link SleeveChannel}: sealed with
 * the session key when the connection is encrypted and not mutually trusted, plain otherwise. Hop by hop: a
 * relay opens with the previous hop's key and seals with the next hop's. A sealed datagram that does not
 * open is dropped, counted under {@code sleeve_decrypt_failures:<peer>}, {@code sleeve_replays:<peer>},
 * {@code sleeve_too_old:<peer>} or {@code sleeve_malformed:<peer>}, and traced; it changes nothing else.
 *
 * <p>Frames longer than the next hop's overlay MTU + 14 are never sent as they are nor silently dropped: see
 * {@code sendOversize} (ICMP "fragmentation needed" for DF, IP fragments otherwise); oversize broadcasts are
 * dropped per next hop and counted, as Weave does. Frames a peer sends us longer than the connection's overlay
 * MTU + 14 are dropped and counted ({@code frames_too_big_received}): both ends derive the same MTU from the
 * underlay, so only a misconfigured or hostile peer sends them, and no bridge port would take them.
 */
final class DataPlane {

    /** Counter family: sealed datagrams that failed authentication, per sender ({@code family:peer}). */
    static final String SLEEVE_DECRYPT_FAILURES = "sleeve_decrypt_failures";
    /** Counter family: sealed datagrams whose sequence number was already accepted. */
    static final String SLEEVE_REPLAYS = "sleeve_replays";
    /** Counter family: sealed datagrams more than one replay window behind. */
    static final String SLEEVE_TOO_OLD = "sleeve_too_old";
    /** Counter family: datagrams too short to be sealed, from a peer whose channel is encrypted. */
    static final String SLEEVE_MALFORMED = "sleeve_malformed";
    /** Counter: oversize unicast frames dropped (not IPv4, malformed, or an ICMP with no way back). */
    static final String FRAMES_TOO_BIG = "frames_too_big";
    /** Counter: copies of oversize broadcast frames not sent (one per next hop). */
    static final String FRAMES_TOO_BIG_BROADCAST = "frames_too_big_broadcast";
    /** Counter: frames from a peer longer than that connection's overlay MTU + 14, which we never send. */
    static final String FRAMES_TOO_BIG_RECEIVED = "frames_too_big_received";
    /** Counter: oversize non-DF IPv4 frames split into IP fragments. */
    static final String FRAMES_FRAGMENTED = "frames_fragmented";
    /** Counter: ICMP "fragmentation needed" answers delivered to local senders of oversize DF frames. */
    static final String ICMP_FRAGMENTATION_NEEDED_SENT = "icmp_fragmentation_needed_sent";

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

    /**
     * A sleeve datagram arrived: its clear sender name selects the connection, whose channel opens it
     * (encrypted channels drop forgeries, replays and too-old packets, counted per peer); then every frame
     * is a heartbeat for the forwarder or data for the forwarding rules.
     */
    void onDatagram(Endpoint from, byte[] datagram) {
        LocalConnection c = senderConnection(from, datagram);
        if (c == null) {
            return;
        }
        SleeveChannel.Unwrapped opened = c.sleeve.unwrap(datagram);
        if (!opened.ok()) {
            dropSealed(from, c.remote(), opened.outcome());
            return;
        }
        onFrames(from, c, opened.plainDatagram());
    }

    /**
     * A datagram the fast path already opened with its sender's channel: the same handling as
     * {@link #onDatagram} after opening. The sender must still be a neighbour with a forwarder.
     */
    void onOpenedDatagram(Endpoint from, byte[] plainDatagram) {
        LocalConnection c = senderConnection(from, plainDatagram);
        if (c != null) {
            onFrames(from, c, plainDatagram);
        }
    }

    /** The connection to the datagram's clear sender, or null (dropped and counted) when there is none. */
    private LocalConnection senderConnection(Endpoint from, byte[] datagram) {
        if (datagram.length < SleevePacket.SENDER_BYTES) {
            dropDatagram(from, "datagram shorter than the " + SleevePacket.SENDER_BYTES + "-byte sender name: "
                    + datagram.length + " bytes");
            return null;
        }
        PeerName sender = PeerName.fromBytes(datagram, 0);
        LocalConnection c = s.byPeer.get(sender);
        if (c == null || c.forwarder == null) {
            dropDatagram(from, "no connection to sender " + sender);
            return null;
        }
        return c;
    }

    /**
     * The fast path's report: refresh the MACs it forwarded for (only entries that still name the same peer)
     * and count its frames under the router's names.
     */
    void onFastPathReport(List<MacSighting> sightings, FastPathCounts counts) {
        for (MacSighting m : sightings) {
            macs.touch(m.mac(), m.owner(), s.now());
        }
        s.out.count("frames_captured", counts.captured());
        s.out.count("frames_forwarded", counts.captured() + counts.relayed());
        s.out.count("frames_received", counts.received());
        s.out.count("frames_delivered", counts.delivered());
    }

    private void onFrames(Endpoint from, LocalConnection c, byte[] plainDatagram) {
        PeerName sender = c.remote();
        ParseResult<SleevePacket> parsed = SleevePacket.decode(plainDatagram);
        if (!parsed.isOk()) {
            dropDatagram(from, parsed.reason());
            return;
        }
        for (SleeveFrame f : parsed.value().frames()) {
            if (SpecialFrames.isSpecial(f.frame())) {
                lifecycle.runForwarder(c, c.forwarder.onSpecialFrame(from, f, s.now()));
            } else if (f.frame().length > c.forwarder.mtu() + EthernetFrame.HEADER_BYTES) {
                s.out.count(FRAMES_TOO_BIG_RECEIVED);
                int length = f.frame().length;
                s.trace(new TraceEvent.FrameDropped(s.now(), s.self(), "frame of " + length + " bytes from "
                        + sender + " exceeds the overlay MTU " + c.forwarder.mtu(), length));
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
            LocalConnection c = s.byPeer.get(hop);
            if (c != null && c.forwarder != null && tooBig(frame, c)) {
                s.out.count(FRAMES_TOO_BIG_BROADCAST);
                s.trace(new TraceEvent.FrameDropped(s.now(), s.self(), "broadcast frame of " + frame.length
                        + " bytes exceeds the overlay MTU " + c.forwarder.mtu() + " to " + hop, frame.length));
                continue;
            }
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
        if (tooBig(frame, c)) {
            sendOversize(src, dst, hop, c, frame);
            return;
        }
        sendDatagram(src, dst, hop, c, frame);
    }

    private static boolean tooBig(byte[] frame, LocalConnection c) {
        return frame.length > c.forwarder.mtu() + EthernetFrame.HEADER_BYTES;
    }

    /**
     * A unicast frame larger than the next hop's overlay MTU: IPv4 with DF is answered with an ICMP
     * "fragmentation needed" to its sender (delivered locally when captured here, sent back along the route
     * when relayed for another peer); other IPv4 is split into IP fragments (we fragment ourselves rather than
     * rely on the underlay stack fragmenting the UDP datagram, so the result is the same on every path);
     * anything else is dropped and counted under {@code frames_too_big}.
     */
    private void sendOversize(PeerName src, PeerName dst, PeerName hop, LocalConnection c, byte[] frame) {
        int mtu = c.forwarder.mtu();
        boolean ipv4 = EthernetFrame.hasIpv4Header(frame);
        if (ipv4 && EthernetFrame.ipv4DontFragment(frame)) {
            Optional<byte[]> icmp = OversizeFrames.fragmentationNeeded(frame, mtu);
            if (icmp.isPresent() && answerTooBig(src, dst, icmp.get())) {
                s.out.count(ICMP_FRAGMENTATION_NEEDED_SENT);
                return;
            }
        } else if (ipv4) {
            List<byte[]> fragments = OversizeFrames.fragment(frame, mtu);
            if (!fragments.isEmpty()) {
                s.out.count(FRAMES_FRAGMENTED);
                for (byte[] f : fragments) {
                    sendDatagram(src, dst, hop, c, f);
                }
                return;
            }
        }
        s.out.count(FRAMES_TOO_BIG);
        s.trace(new TraceEvent.FrameDropped(s.now(), s.self(), "frame of " + frame.length
                + " bytes exceeds the overlay MTU " + mtu + " to " + hop, frame.length));
    }

    /**
     * Returns the ICMP "fragmentation needed" for a frame {@code src} captured for {@code dst} to its sender, as if
     * {@code dst} had answered (Weave answers at whichever peer meets the limit): delivered here when we captured
     * the frame, else sent back along the route to {@code src}. False when there is no way back.
     */
    private boolean answerTooBig(PeerName src, PeerName dst, byte[] icmp) {
        if (src.equals(s.self())) {
            deliver(dst, icmp);
            return true;
        }
        Optional<PeerName> back = s.routes.unicast(src);
        LocalConnection c = back.map(s.byPeer::get).orElse(null);
        if (c == null || c.forwarder == null || c.forwarder.remote().isEmpty() || tooBig(icmp, c)) {
            return false;
        }
        sendDatagram(dst, src, back.get(), c, icmp);
        return true;
    }

    private void sendDatagram(PeerName src, PeerName dst, PeerName hop, LocalConnection c, byte[] frame) {
        byte[] datagram = SleevePacket.encode(s.self(), List.of(new SleeveFrame(src, dst, frame)));
        s.out.emit(new Effect.SendDatagram(c.forwarder.remote().get(), c.sleeve.wrap(datagram)));
        s.out.count("frames_forwarded");
        s.trace(new TraceEvent.FrameForwarded(s.now(), s.self(), src, dst, hop, frame.length));
    }

    /** Counts a sealed datagram that did not open, per peer and kind, and traces why. */
    private void dropSealed(Endpoint from, PeerName sender, SleeveOpenOutcome outcome) {
        s.out.count(sleeveDropCounter(outcome) + ":" + sender);
        dropDatagram(from, "encrypted sleeve packet from " + sender + " dropped: " + describe(outcome));
    }

    /** The per-peer counter family of a drop: {@code <family>:<peer name>} in the view's counters. */
    static String sleeveDropCounter(SleeveOpenOutcome outcome) {
        switch (outcome) {
            case REPLAY:
                return SLEEVE_REPLAYS;
            case TOO_OLD:
                return SLEEVE_TOO_OLD;
            case MALFORMED:
                return SLEEVE_MALFORMED;
            default:
                return SLEEVE_DECRYPT_FAILURES;
        }
    }

    private static String describe(SleeveOpenOutcome outcome) {
        switch (outcome) {
            case REPLAY:
                return "replayed sequence number";
            case TOO_OLD:
                return "sequence number older than the replay window";
            case MALFORMED:
                return "too short for an encrypted packet";
            default:
                return "authentication failed (wrong key, corruption or forgery)";
        }
    }

    private void dropDatagram(Endpoint from, String reason) {
        s.out.count("datagrams_dropped");
        s.trace(new TraceEvent.DatagramDropped(s.now(), s.self(), from, reason));
    }
}
