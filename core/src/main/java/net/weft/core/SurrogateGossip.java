package net.weft.core;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import net.weft.core.id.PeerName;
import net.weft.core.trace.TraceEvent;
import net.weft.core.wire.GossipMessage;
import net.weft.core.wire.ProtocolTag;

/**
 * Carries gossip for channels this router does not run (Weave's IPAM "IPallocation" and DNS "nameserver",
 * or any other), so members of those channels behind us stay connected: unicasts are relayed toward their
 * destination unchanged, broadcasts along the source's tree, and gossip to random neighbours unless the same
 * payload was relayed within one gossip interval (the dedupe that ended a feedback loop in Weave).
 */
final class SurrogateGossip {

    /** Remembered payloads for duplicate suppression, at most. */
    static final int MAX_REMEMBERED = 4096;

    private record Seen(long atNs, long hash, byte[] payload) { }

    private final RouterState s;
    private final Deque<Seen> seen = new ArrayDeque<>();

    SurrogateGossip(RouterState state) {
        this.s = state;
    }

    void onMessage(PeerName from, GossipMessage msg) {
        s.trace(new TraceEvent.GossipReceived(s.now(), s.self(), from, msg.channel(), msg.tag(),
                msg.payload().length, false));
        s.ensureRoutesCurrent();
        if (msg.tag() == ProtocolTag.GOSSIP_UNICAST.code()) {
            if (msg.dst().equals(s.self())) {
                s.out.count("surrogate_unicast_dropped");
                return;
            }
            s.routes.unicastAll(msg.dst()).ifPresentOrElse(hop -> s.sendGossip(hop, msg),
                    () -> s.out.count("gossip_unicast_no_route"));
        } else if (msg.tag() == ProtocolTag.GOSSIP_BROADCAST.code()) {
            s.sendGossipToEach(s.routes.broadcastAll(msg.src()), msg);
        } else if (firstTimeSeen(msg.payload())) {
            s.sendGossipToEach(s.routes.randomNeighbours(from, s.rng),
                    GossipMessage.gossip(msg.channel(), s.self(), msg.payload()));
        }
    }

    private boolean firstTimeSeen(byte[] payload) {
        long now = s.now();
        while (!seen.isEmpty() && now - seen.peekFirst().atNs() > s.timings.gossipIntervalNs()) {
            seen.removeFirst();
        }
        long hash = fnv64a(payload);
        for (Seen e : seen) {
            if (e.hash() == hash && Arrays.equals(e.payload(), payload)) {
                return false;
            }
        }
        if (seen.size() >= MAX_REMEMBERED) {
            seen.removeFirst();
        }
        seen.addLast(new Seen(now, hash, payload));
        return true;
    }

    private static long fnv64a(byte[] data) {
        long h = 0xcbf29ce484222325L;
        for (byte b : data) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
