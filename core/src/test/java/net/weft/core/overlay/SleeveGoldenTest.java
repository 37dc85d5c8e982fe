package net.weft.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.weft.core.Timings;
import net.weft.core.forward.EthernetFrame;
import net.weft.core.forward.ForwardDecision;
import net.weft.core.forward.ForwardingRules;
import net.weft.core.forward.MacCache;
import net.weft.core.forward.RouteLookup;
import net.weft.core.id.Endpoint;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import org.junit.jupiter.api.Test;

/**
 * Datagrams captured between Weave Net 2.8.1 routers (h1 - h2 - h3, h2 in the middle; see the notes in
 * the resource files) decode to what the capture shows and re-encode to the same bytes.
 */
class SleeveGoldenTest {

    private static final PeerName H1 = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName H2 = PeerName.of("aa:00:00:00:00:02");
    private static final PeerName H3 = PeerName.of("aa:00:00:00:00:03");
    private static final long HEARTBEAT_UID = 0x72de11bdbdc9d6f5L;

    @Test
    void heartbeatFromH2ToH1() {
        byte[] datagram = WireHex.load("sleeve-heartbeat-h2-to-h1.hex");
        SleevePacket p = SleevePacket.decode(datagram).value();
        assertThat(p.sender()).isEqualTo(H2);
        assertThat(p.frames()).hasSize(1);
        SleeveFrame f = p.frames().get(0);
        assertThat(f.src()).isEqualTo(H2);
        assertThat(f.dst()).isEqualTo(H1);
        assertThat(SpecialFrames.isSpecial(f.frame())).isTrue();
        assertThat(SpecialFrames.parse(f.frame()).value()).isEqualTo(new SpecialFrame.Heartbeat(HEARTBEAT_UID));
        assertThat(p.encode()).isEqualTo(datagram);
    }

    @Test
    void ourHeartbeatIsByteIdenticalToWeaves() {
        byte[] golden = WireHex.load("sleeve-heartbeat-h2-to-h1.hex");
        OverlayForwarder h2 = new OverlayForwarder(H2, H1, HEARTBEAT_UID, true,
                Optional.of(new Endpoint("192.0.2.1", 6783)), Timings.weave(), OverlayForwarder.DEFAULT_MTU);
        assertThat(h2.onConfirm(0)).containsExactly(
                new OverlayAction.SendDatagram(new Endpoint("192.0.2.1", 6783), golden));
    }

    @Test
    void weavesHeartbeatIsAcceptedByTheInboundSide() {
        OverlayForwarder h1 = new OverlayForwarder(H1, H2, HEARTBEAT_UID, false, Optional.empty(),
                Timings.weave(), OverlayForwarder.DEFAULT_MTU);
        h1.onConfirm(0);
        SleeveFrame f = SleevePacket.decode(WireHex.load("sleeve-heartbeat-h2-to-h1.hex")).value().frames().get(0);
        Endpoint h2Udp = new Endpoint("192.0.2.2", 6783);
        List<OverlayAction> actions = h1.onSpecialFrame(h2Udp, f, 1);
        assertThat(actions).hasSize(2);
        assertThat(actions.get(1)).isEqualTo(new OverlayAction.SendControl(new byte[] {0, 1}));
        assertThat(h1.remote()).contains(h2Udp);
    }

    @Test
    void icmpEchoOnBothHopsKeepsTheCapturingPeerAndTheDestinationPeer() {
        byte[] hop1 = WireHex.load("sleeve-icmp-echo-h1-to-h2.hex");
        byte[] hop2 = WireHex.load("sleeve-icmp-echo-h2-to-h3.hex");
        SleevePacket p1 = SleevePacket.decode(hop1).value();
        SleevePacket p2 = SleevePacket.decode(hop2).value();
        assertThat(p1.sender()).isEqualTo(H1);
        assertThat(p2.sender()).isEqualTo(H2);
        assertThat(p1.frames()).containsExactly(p2.frames().get(0));
        SleeveFrame f = p1.frames().get(0);
        assertThat(f.src()).isEqualTo(H1);
        assertThat(f.dst()).isEqualTo(H3);
        assertThat(f.frame()).hasSize(98);
        assertThat(EthernetFrame.dst(f.frame())).isEqualTo(MacAddress.of("2e:78:cb:48:28:af"));
        assertThat(EthernetFrame.ipv4DontFragment(f.frame())).isTrue();
        assertThat(p1.encode()).isEqualTo(hop1);
        assertThat(p2.encode()).isEqualTo(hop2);
        assertThat(SleevePacket.encode(H2, p1.frames())).isEqualTo(hop2);
    }

    @Test
    void h2RelaysTheEchoTowardH3ByPeerNameAlone() {
        SleeveFrame f = SleevePacket.decode(WireHex.load("sleeve-icmp-echo-h1-to-h2.hex")).value().frames().get(0);
        RouteLookup h2Routes = new RouteLookup() {
            @Override
            public Optional<PeerName> unicast(PeerName dst) {
                return Optional.of(Map.of(H1, H1, H3, H3).get(dst));
            }

            @Override
            public List<PeerName> broadcast(PeerName source) {
                return source.equals(H1) ? List.of(H3) : List.of(H1);
            }
        };
        ForwardingRules h2 = new ForwardingRules(H2, new MacCache(Timings.weave().macMaxAgeNs()));
        assertThat(h2.onReceived(f.src(), f.dst(), f.frame(), h2Routes, 0))
                .isEqualTo(new ForwardDecision.Relay(H3, H3));
        assertThat(h2.macs().size()).isZero();
    }

    @Test
    void icmpReplyRelayedByH2WithoutDontFragment() {
        byte[] datagram = WireHex.load("sleeve-icmp-reply-h2-to-h1.hex");
        SleevePacket p = SleevePacket.decode(datagram).value();
        SleeveFrame f = p.frames().get(0);
        assertThat(p.sender()).isEqualTo(H2);
        assertThat(f.src()).isEqualTo(H3);
        assertThat(f.dst()).isEqualTo(H1);
        assertThat(EthernetFrame.ipv4DontFragment(f.frame())).isFalse();
        assertThat(p.encode()).isEqualTo(datagram);
    }

    @Test
    void arpBroadcastIsAddressedToTheNeighbourAndDeliveredThere() {
        byte[] datagram = WireHex.load("sleeve-arp-broadcast-h1-to-h2.hex");
        SleevePacket p = SleevePacket.decode(datagram).value();
        SleeveFrame f = p.frames().get(0);
        assertThat(f.src()).isEqualTo(H1);
        assertThat(f.dst()).isEqualTo(H2);
        assertThat(f.frame()).hasSize(42);
        assertThat(EthernetFrame.dst(f.frame())).isEqualTo(MacAddress.BROADCAST);
        assertThat(EthernetFrame.etherType(f.frame())).isEqualTo(EthernetFrame.ETHERTYPE_ARP);
        assertThat(p.encode()).isEqualTo(datagram);
        ForwardingRules h2 = new ForwardingRules(H2, new MacCache(Timings.weave().macMaxAgeNs()));
        RouteLookup h2Routes = new RouteLookup() {
            @Override
            public Optional<PeerName> unicast(PeerName dst) {
                return Optional.of(dst);
            }

            @Override
            public List<PeerName> broadcast(PeerName source) {
                return source.equals(H1) ? List.of(H3) : List.of();
            }
        };
        assertThat(h2.onReceived(f.src(), f.dst(), f.frame(), h2Routes, 0))
                .isEqualTo(new ForwardDecision.DeliverAndBroadcast(List.of(H3)));
        assertThat(h2.macs().lookup(MacAddress.of("2e:38:cf:7e:6f:14"))).contains(H1);
    }

    @Test
    void pmtuProbeAndFragmentationTestFromTheCapture() {
        byte[] probe = WireHex.loadPadded("sleeve-pmtu-probe-h1-to-h2-prefix.hex", 1472);
        SleeveFrame pf = SleevePacket.decode(probe).value().frames().get(0);
        assertThat(SpecialFrames.parse(pf.frame()).value()).isEqualTo(new SpecialFrame.PmtuProbe(1438));
        assertThat(SleevePacket.encode(H1, List.of(new SleeveFrame(H1, H2, SpecialFrames.pmtuProbe(1438)))))
                .isEqualTo(probe);
        byte[] frag = WireHex.loadPadded("sleeve-frag-test-h2-to-h3-prefix.hex", 60021);
        SleeveFrame ff = SleevePacket.decode(frag).value().frames().get(0);
        assertThat(SpecialFrames.parse(ff.frame()).value()).isEqualTo(new SpecialFrame.FragmentationTest());
        assertThat(SleevePacket.encode(H2, List.of(new SleeveFrame(H2, H3, SpecialFrames.fragmentationTest()))))
                .isEqualTo(frag);
    }

    @Test
    void overlayControlBodiesFromTheCapture() {
        HexFormat hex = HexFormat.of();
        assertThat(SleeveControl.encode(0, new SleeveControl.ConnectionEstablished())).isEqualTo(hex.parseHex("0001"));
        assertThat(SleeveControl.encode(0, new SleeveControl.FragmentationReceived())).isEqualTo(hex.parseHex("0002"));
        assertThat(SleeveControl.encode(0, new SleeveControl.PmtuVerified(1438))).isEqualTo(hex.parseHex("0003059e"));
        OverlayControl c = OverlayControl.decode(hex.parseHex("0003059e")).value();
        assertThat(SleeveControl.decode(c.subTag(), c.message()).value())
                .isEqualTo(new SleeveControl.PmtuVerified(1438));
    }
}
