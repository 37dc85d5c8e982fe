package net.weft.core.router;

import static net.weft.core.router.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.weft.core.conn.ConnectionState;
import net.weft.core.id.PeerName;
import net.weft.core.input.Input;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.RouterView;
import org.junit.jupiter.api.Test;

/** Routers wired together through the test network: handshake, gossip, overlay and routes end to end. */
class RouterMeshTest {

    private static final long S = 1000 * MS;

    @Test
    void twoPeersHandshakeGossipAndEstablish() {
        TestNet net = new TestNet();
        net.add("h1", 1);
        net.add("h2", 2);
        net.link("h1", "h2");
        net.input("h2", new Input.ConnectRequested(List.of(net.address("h1").host()), false));
        net.runFor(5 * S);

        RouterView v1 = net.routers.get("h1").view();
        RouterView v2 = net.routers.get("h2").view();
        assertThat(v1.connections()).extracting(ConnectionView::state).containsExactly(ConnectionState.ESTABLISHED);
        assertThat(v2.connections()).extracting(ConnectionView::state).containsExactly(ConnectionState.ESTABLISHED);
        assertThat(v1.peers()).hasSize(2);
        assertThat(v2.peers()).hasSize(2);
        assertThat(v1.unicastRoutes()).containsEntry(v2.name(), v2.name());
    }

    @Test
    void partialMeshRoutesThroughTheMiddlePeer() {
        TestNet net = new TestNet();
        for (int i = 1; i <= 5; i++) {
            net.add("p" + i, i);
        }
        String[][] links = {{"p1", "p2"}, {"p1", "p3"}, {"p3", "p4"}, {"p3", "p5"}};
        for (String[] l : links) {
            net.link(l[0], l[1]);
            net.input(l[0], new Input.ConnectRequested(List.of(net.address(l[1]).host()), false));
        }
        net.runFor(10 * S);

        PeerName p3 = net.routers.get("p3").config().name();
        PeerName p4 = net.routers.get("p4").config().name();
        PeerName p5 = net.routers.get("p5").config().name();
        RouterView v1 = net.routers.get("p1").view();
        assertThat(v1.peers()).hasSize(5);
        assertThat(v1.unicastRoutes()).containsEntry(p4, p3).containsEntry(p5, p3);
        for (String h : net.routers.keySet()) {
            assertThat(net.routers.get(h).view().peers()).as(h).hasSize(5);
        }
    }

    @Test
    void cuttingTheOnlyPathRemovesTheRouteAndForgetsTheFarPeers() {
        TestNet net = new TestNet();
        for (int i = 1; i <= 3; i++) {
            net.add("p" + i, i);
        }
        net.link("p1", "p2");
        net.link("p2", "p3");
        net.input("p1", new Input.ConnectRequested(List.of(net.address("p2").host()), false));
        net.input("p2", new Input.ConnectRequested(List.of(net.address("p3").host()), false));
        net.runFor(10 * S);
        PeerName p3 = net.routers.get("p3").config().name();
        assertThat(net.routers.get("p1").view().unicastRoutes()).containsKey(p3);

        net.cut("p2", "p3");
        net.runFor(5 * S);

        RouterView v1 = net.routers.get("p1").view();
        assertThat(v1.unicastRoutes()).doesNotContainKey(p3);
        assertThat(v1.peers()).extracting(p -> p.name()).doesNotContain(p3);
    }

    @Test
    void aBroadcastFrameReachesEveryOtherPeerOnce() {
        TestNet net = new TestNet();
        for (int i = 1; i <= 4; i++) {
            net.add("p" + i, i);
        }
        String[][] links = {{"p1", "p2"}, {"p2", "p3"}, {"p3", "p4"}, {"p4", "p1"}};
        for (String[] l : links) {
            net.link(l[0], l[1]);
            net.input(l[0], new Input.ConnectRequested(List.of(net.address(l[1]).host()), false));
        }
        net.runFor(10 * S);
        byte[] arp = new byte[42];
        java.util.Arrays.fill(arp, 0, 6, (byte) 0xff);
        arp[6] = 0x02;
        arp[11] = 0x01;
        arp[12] = 0x08;
        arp[13] = 0x06;
        net.input("p1", new Input.FrameCaptured(arp));
        net.runFor(1 * S);

        assertThat(net.delivered.get("p1")).isEmpty();
        for (String h : List.of("p2", "p3", "p4")) {
            assertThat(net.delivered.get(h)).as(h).hasSize(1);
        }
    }
}
