package net.weft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.weft.core.forward.MacCache;
import net.weft.core.id.PeerName;
import net.weft.core.topology.PeerEntry;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.PeerConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;
import net.weft.core.wire.ConnectionSummary;

/** Builds the immutable {@link RouterView} from the router's live state; changes nothing. */
final class ViewBuilder {

    private ViewBuilder() {
    }

    static RouterView build(RouterState s, MacCache macs, SortedMap<String, Long> counters, long now) {
        List<PeerView> peers = new ArrayList<>();
        for (PeerEntry e : s.peers.entries()) {
            List<PeerConnectionView> conns = new ArrayList<>();
            for (ConnectionSummary c : e.connections().values()) {
                String nick = s.peers.get(c.to()).map(PeerEntry::nickname).orElse("");
                conns.add(new PeerConnectionView(c.to(), nick, c.remoteTcpAddr(), c.outbound(), c.established()));
            }
            peers.add(new PeerView(e.name(), e.nickname(), e.uid(), e.shortId(), e.hasShortId(),
                    e.version(), conns));
        }
        List<ConnectionView> connections = new ArrayList<>();
        for (LocalConnection c : s.connections.values()) {
            String info = c.live() ? "" : c.state.statusWord();
            String overlay = c.forwarder == null ? "" : ConnectionLifecycle.SLEEVE;
            int mtu = c.forwarder == null ? 0 : c.forwarder.mtu();
            boolean encrypted = c.intro != null && c.intro.encrypted();
            if (c.state == net.weft.core.conn.ConnectionState.PENDING && c.forwarder != null) {
                info = c.forwarder.remote().isEmpty() ? "waiting for the peer's first UDP heartbeat"
                        : "waiting for the peer to confirm UDP heartbeats";
            }
            connections.add(new ConnectionView(c.id, c.remoteAddress, c.outbound, c.state, c.remote(),
                    c.remoteNickname(), info, overlay, mtu, encrypted));
        }
        connections.sort((a, b) -> a.address().compareTo(b.address()));
        SortedMap<PeerName, List<PeerName>> broadcast = new TreeMap<>();
        broadcast.put(s.self(), s.routes.broadcast(s.self()));
        return new RouterView(s.self(), s.config.nickname(), s.config.uid(), s.peers.get(s.self()).map(PeerEntry::shortId).orElse(s.config.shortId()),
                s.peers.version(),
                now, s.config.port(), s.config.encrypted(), s.config.discovery(), peers, connections,
                s.maker.view(), s.routes.unicastTable(), broadcast, macs.view(), s.maker.terminations(),
                counters);
    }
}
