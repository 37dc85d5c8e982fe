package net.weft.daemon.render;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.weft.core.id.PeerName;
import net.weft.core.view.MacView;
import net.weft.core.view.PeerConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;
import net.weft.core.wire.VersionRange;

/**
 * The JSON report ({@code /report}, {@code weft report}) with Weave Net 2.8's field names and nesting, so tools
 * that read Weave's report read ours. Weft-only facts (daemon counters) go in a separate {@code "Weft"} member.
 */
public final class ReportJson {

    /** Go's zero time, which Weave prints for an unset check time. */
    static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    private ReportJson() {
    }

    /** The whole report. */
    public static String render(StatusSnapshot s) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("Ready").value(true);
        w.name("Version").value(s.version());
        w.name("VersionCheck").beginObject()
                .name("Enabled").value(false)
                .name("Success").value(false)
                .name("NewVersion").value("")
                .name("NextCheckAt").value(GO_ZERO_TIME)
                .endObject();
        w.name("Router");
        router(w, s);
        w.name("Weft").beginObject();
        w.name("UID").raw(s.view().uid().toString());
        w.name("ShortID").value(s.view().shortId());
        w.name("Version").raw(Long.toUnsignedString(s.view().version()));
        counters(w, "Counters", s.counters());
        counters(w, "CoreCounters", s.view().counters());
        w.endObject();
        return w.endObject().finish();
    }

    private static void router(JsonWriter w, StatusSnapshot s) {
        RouterView v = s.view();
        w.beginObject();
        w.name("Protocol").value("weave");
        w.name("ProtocolMinVersion").value(VersionRange.WEAVE.min());
        w.name("ProtocolMaxVersion").value(VersionRange.WEAVE.max());
        w.name("Encryption").value(v.encryption());
        w.name("PeerDiscovery").value(v.discovery());
        w.name("Name").value(v.name().toString());
        w.name("NickName").value(v.nickname());
        w.name("Port").value(v.port());
        peers(w, v);
        w.name("UnicastRoutes").beginArray();
        v.unicastRoutes().forEach((dest, via) ->
                w.beginObject().name("Dest").value(dest.toString()).name("Via").value(via.toString()).endObject());
        w.endArray();
        w.name("BroadcastRoutes").beginArray();
        v.broadcastRoutes().forEach((source, vias) -> {
            w.beginObject().name("Source").value(source.toString()).name("Via").beginArray();
            vias.forEach(via -> w.value(via.toString()));
            w.endArray().endObject();
        });
        w.endArray();
        connections(w, s);
        w.name("TerminationCount").value(v.terminations());
        strings(w, "Targets", s.directTargets());
        w.name("OverlayDiagnostics").beginObject().name("sleeve").nullValue().endObject();
        strings(w, "TrustedSubnets", s.trustedSubnets());
        macs(w, s);
        w.endObject();
    }

    private static void peers(JsonWriter w, RouterView v) {
        w.name("Peers").beginArray();
        for (PeerView p : StatusText.selfFirst(v)) {
            w.beginObject();
            w.name("Name").value(p.name().toString());
            w.name("NickName").value(p.nickname());
            w.name("UID").raw(p.uid().toString());
            w.name("ShortID").value(p.shortId());
            w.name("Version").raw(Long.toUnsignedString(p.version()));
            w.name("Connections").beginArray();
            for (PeerConnectionView c : p.connections()) {
                w.beginObject()
                        .name("Name").value(c.to().toString())
                        .name("NickName").value(c.toNickname())
                        .name("Address").value(c.address())
                        .name("Outbound").value(c.outbound())
                        .name("Established").value(c.established())
                        .endObject();
            }
            w.endArray().endObject();
        }
        w.endArray();
    }

    private static void connections(JsonWriter w, StatusSnapshot s) {
        w.name("Connections").beginArray();
        for (ConnectionLine row : ConnectionLine.all(s)) {
            w.beginObject()
                    .name("Address").value(row.address())
                    .name("Outbound").value(row.outbound())
                    .name("State").value(row.state())
                    .name("Info").value(row.info())
                    .name("Attrs").beginObject();
            for (Map.Entry<String, String> a : row.attrs().entrySet()) {
                w.name(a.getKey());
                if (a.getKey().equals("mtu")) {
                    w.raw(a.getValue());
                } else if (a.getKey().equals("encrypted")) {
                    w.value(Boolean.parseBoolean(a.getValue()));
                } else {
                    w.value(a.getValue());
                }
            }
            if (!row.overlay().isEmpty()) {
                w.name("name").value(row.overlay());
            }
            w.endObject().endObject();
        }
        w.endArray();
    }

    private static void macs(JsonWriter w, StatusSnapshot s) {
        w.name("MACs").beginArray();
        for (MacView m : s.view().macs()) {
            w.beginObject()
                    .name("Mac").value(m.mac().toString())
                    .name("Name").value(m.peer().toString())
                    .name("NickName").value(nicknameOf(s.view(), m.peer()))
                    .name("LastSeen").value(Instant.ofEpochMilli(s.epochMsOf(m.lastSeenNs())).toString())
                    .endObject();
        }
        w.endArray();
    }

    private static String nicknameOf(RouterView v, PeerName name) {
        for (PeerView p : v.peers()) {
            if (p.name().equals(name)) {
                return p.nickname();
            }
        }
        return "";
    }

    private static void strings(JsonWriter w, String name, List<String> items) {
        w.name(name).beginArray();
        items.forEach(w::value);
        w.endArray();
    }

    private static void counters(JsonWriter w, String name, Map<String, Long> counters) {
        w.name(name).beginObject();
        counters.forEach((k, n) -> w.name(k).value(n));
        w.endObject();
    }
}
