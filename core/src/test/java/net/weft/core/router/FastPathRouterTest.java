package net.weft.core.router;

import static net.weft.core.router.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.weft.core.fastpath.FastPathCounts;
import net.weft.core.fastpath.FastPathHop;
import net.weft.core.fastpath.FastPathTable;
import net.weft.core.fastpath.FastPathTarget;
import net.weft.core.fastpath.MacSighting;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.core.input.Input;
import net.weft.core.overlay.SleeveFrame;
import net.weft.core.overlay.SleevePacket;
import net.weft.core.view.MacView;
import org.junit.jupiter.api.Test;

/**
 * A line p1 - p2 - p3 whose hosts attached fast paths: once the containers' MACs are learned through the router,
 * the published tables send p1's unicast to p3 through p2, let p2 relay it and p3 deliver it; broadcasts stay on
 * the slow path; reports refresh MAC ages and count frames; opened datagrams are handled like sealed ones.
 */
class FastPathRouterTest {

    private static final long S = 1000 * MS;

    private final TestNet net = new TestNet();

    private void lineWithLearnedMacs() {
        for (int i = 1; i <= 3; i++) {
            net.add("p" + i, i);
        }
        net.link("p1", "p2");
        net.link("p2", "p3");
        net.input("p1", new Input.ConnectRequested(List.of(net.address("p2").host()), false));
        net.input("p2", new Input.ConnectRequested(List.of(net.address("p3").host()), false));
        for (String h : List.of("p1", "p2", "p3")) {
            net.input(h, Input.FastPathStarted.INSTANCE);
        }
        net.runFor(10 * S);
        net.input("p1", new Input.FrameCaptured(Frames.broadcastFrom(1)));
        net.input("p3", new Input.FrameCaptured(Frames.unicast(3, 1)));
        net.runFor(1 * S);
    }

    private PeerName name(String host) {
        return net.routers.get(host).config().name();
    }

    @Test
    void tablesLetEachHopForwardALearnedUnicastFrame() {
        lineWithLearnedMacs();
        byte[] frame = Frames.unicast(1, 3);

        FastPathTarget atP1 = net.fastPathTables.get("p1").forCaptured(frame, 0, frame.length);
        assertThat(atP1.dstPeer()).isEqualTo(name("p3"));
        assertThat(atP1.hop().peer()).isEqualTo(name("p2"));

        FastPathTable p2 = net.fastPathTables.get("p2");
        FastPathTarget atP2 = p2.forRelay(p2.hopFrom(name("p1")), name("p3"), frame, 0, frame.length);
        assertThat(atP2.hop().peer()).isEqualTo(name("p3"));

        FastPathTable p3 = net.fastPathTables.get("p3");
        assertThat(p3.deliverable(p3.hopFrom(name("p2")), name("p1"), frame, 0, frame.length)).isTrue();
    }

    @Test
    void broadcastsAndUnknownDestinationsStayOnTheSlowPath() {
        lineWithLearnedMacs();
        FastPathTable p1 = net.fastPathTables.get("p1");
        byte[] broadcast = Frames.broadcastFrom(1);
        byte[] toUnknown = Frames.unicast(1, 9);
        byte[] fromUnknown = Frames.unicast(7, 3);

        assertThat(p1.forCaptured(broadcast, 0, broadcast.length)).isNull();
        assertThat(p1.forCaptured(toUnknown, 0, toUnknown.length)).isNull();
        assertThat(p1.forCaptured(fromUnknown, 0, fromUnknown.length)).isNull();
    }

    @Test
    void noTablesAreInstalledUnlessAFastPathStarted() {
        net.add("p1", 1);
        net.add("p2", 2);
        net.link("p1", "p2");
        net.input("p1", new Input.ConnectRequested(List.of(net.address("p2").host()), false));
        net.runFor(5 * S);

        assertThat(net.fastPathTables).isEmpty();
    }

    @Test
    void aNewlyLearnedMacPublishesANewTable() {
        lineWithLearnedMacs();
        long before = net.fastPathTables.get("p1").generation();

        net.input("p1", new Input.FrameCaptured(Frames.unicast(5, 3)));
        net.runFor(1 * S);

        FastPathTable after = net.fastPathTables.get("p1");
        assertThat(after.generation()).isGreaterThan(before);
        assertThat(after.macCount()).isEqualTo(3);
    }

    @Test
    void reportsRefreshMacAgesOnlyForTheSamePeerAndCountFrames() {
        lineWithLearnedMacs();
        MacAddress mac1 = MacAddress.of("02:00:00:00:00:01");
        long seenBefore = lastSeen("p3", mac1);
        net.runFor(120 * S);
        long receivedBefore = counter("p3", "frames_received");
        long deliveredBefore = counter("p3", "frames_delivered");

        net.input("p3", new Input.FastPathReport(List.of(new MacSighting(mac1, name("p1"))),
                new FastPathCounts(0, 10, 7, 3)));
        net.input("p3", new Input.FastPathReport(List.of(new MacSighting(MacAddress.of("02:00:00:00:00:03"),
                name("p2"))), FastPathCounts.NONE));
        net.runFor(1 * MS);

        assertThat(lastSeen("p3", mac1)).isGreaterThan(seenBefore);
        assertThat(owner("p3", MacAddress.of("02:00:00:00:00:03"))).isEqualTo(name("p3"));
        assertThat(counter("p3", "frames_received")).isEqualTo(receivedBefore + 10);
        assertThat(counter("p3", "frames_delivered")).isEqualTo(deliveredBefore + 7);
    }

    @Test
    void anOpenedDatagramIsHandledLikeOneTheRouterOpened() {
        lineWithLearnedMacs();
        int deliveredBefore = net.delivered.get("p3").size();
        byte[] frame = Frames.unicast(1, 3);
        byte[] plain = SleevePacket.encode(name("p2"), List.of(new SleeveFrame(name("p1"), name("p3"), frame)));

        net.input("p3", new Input.SleeveDatagramOpened(net.address("p2"), plain));
        net.input("p3", new Input.SleeveDatagramOpened(net.address("p2"), new byte[3]));
        net.runFor(1 * MS);

        assertThat(net.delivered.get("p3")).hasSize(deliveredBefore + 1);
        assertThat(net.delivered.get("p3").get(deliveredBefore)).isEqualTo(frame);
        assertThat(net.routers.get("p3").view().counters().get("datagrams_dropped")).isEqualTo(1L);
    }

    @Test
    void aTableHopCarriesTheConnectionsAddressAndMtu() {
        lineWithLearnedMacs();
        FastPathHop hop = net.fastPathTables.get("p1").hopFrom(name("p2"));

        assertThat(hop.remote().host()).isEqualTo(net.address("p2").host());
        assertThat(hop.mtu()).isEqualTo(1438);
        assertThat(hop.channel().encrypted()).isFalse();
    }

    private long counter(String host, String name) {
        return net.routers.get(host).view().counters().getOrDefault(name, 0L);
    }

    private long lastSeen(String host, MacAddress mac) {
        return net.routers.get(host).view().macs().stream().filter(m -> m.mac().equals(mac))
                .mapToLong(MacView::lastSeenNs).findFirst().orElseThrow();
    }

    private PeerName owner(String host, MacAddress mac) {
        return net.routers.get(host).view().macs().stream().filter(m -> m.mac().equals(mac))
                .map(MacView::peer).findFirst().orElseThrow();
    }
}
