package net.weft.viz.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.weft.core.conn.ConnectionState;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.MacView;
import net.weft.core.view.PeerConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;
import net.weft.core.wire.ParseResult;

/**
 * Turns a daemon's {@code GET /report} JSON (Weave's shape: a {@code Router} object with Peers, Connections,
 * UnicastRoutes, BroadcastRoutes, MACs) into a {@link RouterView}, so real meshes are drawn by the same code
 * as simulated ones. Fields it does not know are ignored; a report without a valid router name is rejected.
 */
public final class ReportParser {

    private static final Pattern NAME_IN_INFO = Pattern.compile("([0-9a-fA-F]{1,2}(?::[0-9a-fA-F]{0,2}){5})\\(");

    private ReportParser() {
    }

    /** Parses report text. */
    public static ParseResult<RouterView> parse(String json) {
        ParseResult<Object> r = JsonReader.parse(json);
        if (r instanceof ParseResult.Rejected<Object> bad) {
            return new ParseResult.Rejected<>("not JSON: " + bad.reason());
        }
        Object root = ((ParseResult.Ok<Object>) r).value();
        try {
            return new ParseResult.Ok<>(router(map(map(root).get("Router"))));
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            return new ParseResult.Rejected<>("not a Weave report: " + e.getMessage());
        }
    }

    private static RouterView router(Map<String, Object> r) {
        PeerName self = PeerName.of(str(r.get("Name")));
        List<PeerView> peers = new ArrayList<>();
        PeerView me = null;
        for (Object o : list(r.get("Peers"))) {
            PeerView pv = peer(map(o));
            peers.add(pv);
            if (pv.name().equals(self)) {
                me = pv;
            }
        }
        peers.sort((a, b) -> a.name().compareTo(b.name()));
        boolean encryption = Boolean.TRUE.equals(r.get("Encryption"));
        List<ConnectionView> conns = new ArrayList<>();
        long id = 1;
        for (Object o : list(r.get("Connections"))) {
            conns.add(connection(map(o), id++, encryption));
        }
        SortedMap<PeerName, PeerName> unicast = new TreeMap<>();
        for (Object o : list(r.get("UnicastRoutes"))) {
            Map<String, Object> m = map(o);
            unicast.put(PeerName.of(str(m.get("Dest"))), PeerName.of(str(m.get("Via"))));
        }
        SortedMap<PeerName, List<PeerName>> broadcast = new TreeMap<>();
        for (Object o : list(r.get("BroadcastRoutes"))) {
            Map<String, Object> m = map(o);
            broadcast.put(PeerName.of(str(m.get("Source"))),
                    list(m.get("Via")).stream().map(v -> PeerName.of(str(v))).toList());
        }
        List<MacView> macs = new ArrayList<>();
        for (Object o : list(r.get("MACs"))) {
            Map<String, Object> m = map(o);
            macs.add(new MacView(MacAddress.of(str(m.get("Mac"))), PeerName.of(str(m.get("Name"))), 0));
        }
        return new RouterView(self, str(r.get("NickName")), me == null ? PeerUid.NONE : me.uid(),
                me == null ? 0 : me.shortId(), me == null ? 0 : me.version(), 0, num(r.get("Port")).intValue(),
                encryption, Boolean.TRUE.equals(r.get("PeerDiscovery")), peers, conns, List.of(), unicast, broadcast,
                macs, num(r.get("TerminationCount")).longValue(), new TreeMap<>());
    }

    private static PeerView peer(Map<String, Object> m) {
        List<PeerConnectionView> conns = new ArrayList<>();
        for (Object o : list(m.get("Connections"))) {
            Map<String, Object> c = map(o);
            conns.add(new PeerConnectionView(PeerName.of(str(c.get("Name"))), str(c.get("NickName")),
                    str(c.get("Address")), Boolean.TRUE.equals(c.get("Outbound")),
                    Boolean.TRUE.equals(c.get("Established"))));
        }
        int shortId = num(m.get("ShortID")).intValue();
        return new PeerView(PeerName.of(str(m.get("Name"))), str(m.get("NickName")),
                new PeerUid(num(m.get("UID")).toBigInteger().longValue()), shortId, m.containsKey("ShortID"),
                num(m.get("Version")).longValue(), conns);
    }

    private static ConnectionView connection(Map<String, Object> m, long id, boolean encryption) {
        String info = str(m.get("Info"));
        Map<String, Object> attrs = m.get("Attrs") instanceof Map<?, ?> ? map(m.get("Attrs")) : Map.of();
        Endpoint address = Endpoint.parse(str(m.get("Address")), 0).orElse(new Endpoint("unknown", 0));
        return new ConnectionView(new ConnectionId(id), address, Boolean.TRUE.equals(m.get("Outbound")),
                state(str(m.get("State"))), remote(info).orElse(PeerName.UNKNOWN), "", info,
                attrs.containsKey("name") ? str(attrs.get("name")) : "", num(attrs.get("mtu")).intValue(), encryption);
    }

    /** The state a report's connection word stands for. */
    static ConnectionState state(String word) {
        switch (word) {
            case "established":
                return ConnectionState.ESTABLISHED;
            case "pending":
                return ConnectionState.PENDING;
            case "connecting":
                return ConnectionState.HANDSHAKING;
            default:
                return ConnectionState.CLOSED;
        }
    }

    /** The peer named in a connection's info text ("sleeve aa:00:00:00:00:02(wzh2)"). */
    static Optional<PeerName> remote(String info) {
        Matcher m = NAME_IN_INFO.matcher(info);
        return m.find() ? PeerName.parse(m.group(1)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected an object, got " + o);
        }
        return (Map<String, Object>) o;
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static BigDecimal num(Object o) {
        return o instanceof BigDecimal b ? b : BigDecimal.ZERO;
    }
}
