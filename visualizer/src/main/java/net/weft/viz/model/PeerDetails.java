package net.weft.viz.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.weft.core.id.PeerName;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.MacView;
import net.weft.core.view.RouterView;

/** The side panel's text about one peer, from its router view. */
public final class PeerDetails {

    /** MAC cache entries listed at most. */
    public static final int MAX_MACS = 50;

    private PeerDetails() {
    }

    /** Lines describing {@code p} in {@code snap}. */
    public static List<String> lines(MeshSnapshot snap, PeerState p) {
        List<String> out = new ArrayList<>();
        out.add(p.label() + "  " + p.name());
        if (!p.alive() || p.view() == null) {
            out.add(p.alive() ? "no router view (known from gossip)" : "router down");
            return out;
        }
        RouterView v = p.view();
        out.add("nickname " + v.nickname() + "   UID " + v.uid() + "   version " + v.version());
        out.add("short id " + v.shortId() + "   port " + v.port() + "   encryption " + (v.encryption() ? "on" : "off")
                + "   discovery " + (v.discovery() ? "on" : "off"));
        out.add("containers: " + (p.containers().isEmpty() ? "none" : String.join(", ", p.containers())));
        out.add("");
        out.add("connections (" + v.connections().size() + "):");
        for (ConnectionView c : v.connections()) {
            out.add("  " + (c.outbound() ? "-> " : "<- ") + c.address() + "  " + c.state().statusWord() + "  "
                    + label(snap, c.remote()) + (c.overlay().isEmpty() ? "" : "  " + c.overlay())
                    + (c.encrypted() ? "  encrypted" : "") + (c.info().isEmpty() ? "" : "  (" + c.info() + ")"));
        }
        out.add("");
        out.add("unicast routes (destination via next hop):");
        java.util.SortedSet<String> routes = new java.util.TreeSet<>();
        for (Map.Entry<PeerName, PeerName> r : v.unicastRoutes().entrySet()) {
            routes.add("  " + label(snap, r.getKey()) + "  via  "
                    + (r.getValue().equals(PeerName.UNKNOWN) ? "(self)" : label(snap, r.getValue())));
        }
        out.addAll(routes);
        out.add("broadcast next hops: " + v.broadcastRoutes().getOrDefault(v.name(), List.of()).stream()
                .map(n -> label(snap, n)).toList());
        out.add("");
        out.add("MAC cache (" + v.macs().size() + "):");
        for (MacView m : v.macs().subList(0, Math.min(MAX_MACS, v.macs().size()))) {
            out.add("  " + m.mac() + "  at " + label(snap, m.peer()));
        }
        return out;
    }

    private static String label(MeshSnapshot snap, PeerName n) {
        PeerState s = snap.peers().get(n);
        return s == null ? n.toString() : s.label();
    }
}
