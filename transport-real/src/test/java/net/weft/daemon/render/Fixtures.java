package net.weft.daemon.render;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import net.weft.core.view.TargetView;

/** Hand-built router views reproducing the three-peer Weave 2.8.1 mesh captured in weave-wire/. */
final class Fixtures {

    static final PeerName H1 = PeerName.of("aa:00:00:00:00:01");
    static final PeerName H2 = PeerName.of("aa:00:00:00:00:02");
    static final PeerName H3 = PeerName.of("aa:00:00:00:00:03");
    /** Router clock at which the views are taken. */
    static final long NOW_NS = 5_000_000_000L;
    /** Wall clock at that moment: 2026-11-28T18:12:40Z. */
    static final long NOW_EPOCH_MS = 1_795_889_560_000L;

    private Fixtures() {
    }

    static PeerView h1Peer(String h1Address) {
        return new PeerView(H1, "wzh1", PeerUid.parse("3113621214081119662"), 3401, true, 2,
                List.of(new PeerConnectionView(H2, "wzh2", h1Address, false, true)));
    }

    static PeerView h2Peer(boolean h3First) {
        PeerConnectionView to1 = new PeerConnectionView(H1, "wzh1", "192.0.2.1:6783", true, true);
        PeerConnectionView to3 = new PeerConnectionView(H3, "wzh3", "192.0.2.3:6783", true, true);
        return new PeerView(H2, "wzh2", PeerUid.parse("8065618097236691272"), 2859, true, 4,
                h3First ? List.of(to3, to1) : List.of(to1, to3));
    }

    static PeerView h3Peer() {
        return new PeerView(H3, "wzh3", PeerUid.parse("4108530893255938010"), 3419, true, 2,
                List.of(new PeerConnectionView(H2, "wzh2", "192.0.2.2:35579", false, true)));
    }

    /** h1's view: one inbound established connection from h2. */
    static RouterView h1View() {
        ConnectionView fromH2 = new ConnectionView(ConnectionId.inbound(1), new Endpoint("192.0.2.2", 52001), false,
                ConnectionState.ESTABLISHED, H2, "wzh2", "", "sleeve", 1438, false);
        TreeMap<PeerName, PeerName> unicast = new TreeMap<>(Map.of(H1, PeerName.UNKNOWN, H2, H2, H3, H2));
        TreeMap<PeerName, List<PeerName>> broadcast = new TreeMap<>(Map.of(H1, List.of(H2)));
        List<MacView> macs = List.of(
                new MacView(MacAddress.of("2e:38:cf:7e:6f:14"), H1, NOW_NS - 2_507_000_000L),
                new MacView(MacAddress.of("2e:78:cb:48:28:af"), H3, NOW_NS - 2_506_000_000L),
                new MacView(MacAddress.of("3a:c5:74:bc:ea:84"), H2, NOW_NS - 2_096_000_000L));
        return new RouterView(H1, "wzh1", PeerUid.parse("3113621214081119662"), 3401, 2, NOW_NS, 6783, false,
                false, List.of(h1Peer("192.0.2.2:52001"), h2Peer(false), h3Peer()), List.of(fromH2), List.of(),
                unicast, broadcast, macs, 0, new TreeMap<>());
    }

    /** h2's view: two outbound established connections, to h1 and h3. */
    static RouterView h2View() {
        ConnectionView to1 = new ConnectionView(new ConnectionId(1), new Endpoint("192.0.2.1", 6783), true,
                ConnectionState.ESTABLISHED, H1, "wzh1", "", "sleeve", 1438, false);
        ConnectionView to3 = new ConnectionView(new ConnectionId(2), new Endpoint("192.0.2.3", 6783), true,
                ConnectionState.ESTABLISHED, H3, "wzh3", "", "sleeve", 1438, false);
        return new RouterView(H2, "wzh2", PeerUid.parse("8065618097236691272"), 2859, 4, NOW_NS, 6783, false,
                false, List.of(h1Peer("192.0.2.2:52001"), h2Peer(true), h3Peer()), List.of(to1, to3), List.of(),
                new TreeMap<>(), new TreeMap<>(), List.of(), 0, new TreeMap<>());
    }

    /** h1's view with encryption: its connection is encrypted with the smaller MTU. */
    static RouterView h1EncryptedView() {
        ConnectionView fromH2 = new ConnectionView(ConnectionId.inbound(1), new Endpoint("192.0.2.2", 54729), false,
                ConnectionState.ESTABLISHED, H2, "wzh2", "", "sleeve", 1414, true);
        PeerView h2 = new PeerView(H2, "wzh2", PeerUid.parse("8065618097236691272"), 2859, true, 4, List.of(
                new PeerConnectionView(H3, "wzh3", "192.0.2.3:6783", true, true),
                new PeerConnectionView(H1, "wzh1", "192.0.2.1:6783", true, true)));
        PeerView h3 = new PeerView(H3, "wzh3", PeerUid.parse("4108530893255938010"), 3419, true, 2,
                List.of(new PeerConnectionView(H2, "wzh2", "192.0.2.2:34053", false, true)));
        return new RouterView(H1, "wzh1", PeerUid.parse("3113621214081119662"), 3401, 2, NOW_NS, 6783, true,
                false, List.of(h1Peer("192.0.2.2:54729"), h2, h3), List.of(fromH2), List.of(), new TreeMap<>(),
                new TreeMap<>(), List.of(), 0, new TreeMap<>());
    }

    /** A view of a lone peer with targets in every unconnected state and a connection mid-handshake. */
    static RouterView troubledView() {
        ConnectionView handshaking = new ConnectionView(ConnectionId.inbound(7), new Endpoint("192.0.2.66", 40000),
                false, ConnectionState.HANDSHAKING, PeerName.UNKNOWN, "", "waiting for protocol header", "", 0,
                false);
        List<TargetView> targets = List.of(
                new TargetView("192.0.2.9:6783", true, "failed",
                        "dial tcp 192.0.2.9:6783: connect: connection refused", NOW_NS + 3_000_000_000L),
                new TargetView("192.0.2.10:6783", true, "connecting", "", Long.MAX_VALUE),
                new TargetView("192.0.2.11:6783", false, "retrying", "dial tcp 192.0.2.11:6783: i/o timeout",
                        Long.MAX_VALUE));
        return new RouterView(H1, "lone", new PeerUid(7), 1, 1, NOW_NS, 6783, false, true,
                List.of(new PeerView(H1, "lone", new PeerUid(7), 1, true, 1, List.of())), List.of(handshaking),
                targets, new TreeMap<>(), new TreeMap<>(), List.of(), 3, new TreeMap<>(Map.of("gossip.sent", 12L)));
    }

    static StatusSnapshot snapshot(RouterView v, List<String> targets) {
        return new StatusSnapshot(v, targets, List.of(), new TreeMap<>(), NOW_EPOCH_MS, "unreleased");
    }
}
