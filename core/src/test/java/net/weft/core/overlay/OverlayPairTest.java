package net.weft.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.weft.core.Timings;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import org.junit.jupiter.api.Test;

/**
 * Two forwarders wired back to back: A dialled B, A sits behind a NAT. Datagrams and control messages are
 * delivered instantly unless UDP is blocked or the datagram (plus 28 bytes of IPv4 and UDP headers) exceeds
 * the path MTU; time jumps from deadline to deadline.
 */
class OverlayPairTest {

    private static final long S = 1_000_000_000L;
    private static final PeerName A = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName B = PeerName.of("aa:00:00:00:00:02");
    private static final long UID = 42;
    private static final Endpoint B_ADDR = new Endpoint("192.0.2.2", 6783);
    private static final Endpoint A_AS_SEEN_BY_B = new Endpoint("198.51.100.7", 40001);

    private OverlayForwarder a = forwarderAtA(OverlayForwarder.DEFAULT_MTU);
    private OverlayForwarder b = forwarderAtB(OverlayForwarder.DEFAULT_MTU);
    private final List<String> log = new ArrayList<>();
    private boolean udpBlocked;
    private int pathMtu = 1500;
    private int datagramsAtoB;
    private int datagramsBtoA;

    private static OverlayForwarder forwarderAtA(int mtu) {
        return new OverlayForwarder(A, B, UID, true, Optional.of(B_ADDR), Timings.weave(), mtu);
    }

    private static OverlayForwarder forwarderAtB(int mtu) {
        return new OverlayForwarder(B, A, UID, false, Optional.empty(), Timings.weave(), mtu);
    }

    private void deliver(OverlayForwarder from, List<OverlayAction> actions, long nowNs) {
        OverlayForwarder to = from == a ? b : a;
        for (OverlayAction action : actions) {
            if (action instanceof OverlayAction.SendDatagram d) {
                if (from == a) {
                    datagramsAtoB++;
                } else {
                    assertThat(d.to()).isEqualTo(A_AS_SEEN_BY_B);
                    datagramsBtoA++;
                }
                if (!udpBlocked && d.datagram().length + SleevePacket.UDP_IPV4_OVERHEAD_BYTES <= pathMtu) {
                    Endpoint source = from == a ? A_AS_SEEN_BY_B : B_ADDR;
                    for (SleeveFrame f : SleevePacket.decode(d.datagram()).value().frames()) {
                        deliver(to, to.onSpecialFrame(source, f, nowNs), nowNs);
                    }
                }
            } else if (action instanceof OverlayAction.SendControl c) {
                deliver(to, to.onControl(c.tag7Body(), nowNs), nowNs);
            } else {
                log.add((from == a ? "A " : "B ") + action + " at " + nowNs / S + "s");
            }
        }
    }

    private void runUntil(long endNs) {
        while (true) {
            long next = Math.min(a.nextDeadlineNs(), b.nextDeadlineNs());
            if (next > endNs) {
                return;
            }
            OverlayForwarder due = a.nextDeadlineNs() <= b.nextDeadlineNs() ? a : b;
            deliver(due, due.onTimer(next), next);
        }
    }

    @Test
    void bothSidesBecomeEstablishedOnTheFirstHeartbeatAndThenBeatSlowly() {
        List<OverlayAction> first = a.onConfirm(0);
        assertThat(b.onConfirm(0)).isEmpty();
        deliver(a, first, 0);
        assertThat(a.established()).isTrue();
        assertThat(b.established()).isTrue();
        assertThat(log).containsExactly("B BecameEstablished[] at 0s", "B MtuVerified[mtu=1376] at 0s",
                "A BecameEstablished[] at 0s", "A MtuVerified[mtu=1376] at 0s");
        runUntil(100 * S);
        assertThat(a.failed()).isFalse();
        assertThat(b.failed()).isFalse();
        assertThat(datagramsAtoB).as("heartbeats, and one PMTU probe").isEqualTo(1 + 10 + 1);
        assertThat(datagramsBtoA).isEqualTo(1 + 10 + 1);
    }

    @Test
    void aHeartbeatThatArrivesBeforeTheInboundSideIsConfirmedIsRepeatedHalfASecondLater() {
        deliver(a, a.onConfirm(0), 0);
        assertThat(log).containsExactly("B Ignored[reason=special frame while CREATED] at 0s");
        log.clear();
        deliver(b, b.onConfirm(S / 5), S / 5);
        runUntil(S / 2);
        assertThat(log).containsExactly("B BecameEstablished[] at 0s", "B MtuVerified[mtu=1376] at 0s",
                "A BecameEstablished[] at 0s", "A MtuVerified[mtu=1376] at 0s");
        assertThat(a.nextDeadlineNs()).isEqualTo(S / 2 + 10 * S);
    }

    @Test
    void whenUdpIsBlockedNeitherSideEstablishesAndBothTimeOut() {
        udpBlocked = true;
        deliver(a, a.onConfirm(0), 0);
        deliver(b, b.onConfirm(0), 0);
        runUntil(100 * S);
        assertThat(log).containsExactly(
                "A Failed[reason=timed out waiting for UDP heartbeat] at 60s",
                "B Failed[reason=timed out waiting for UDP heartbeat] at 60s");
        assertThat(datagramsAtoB).isEqualTo(120);
        assertThat(datagramsBtoA).isZero();
    }

    @Test
    void onA1400BytePathBothSidesSettleOnTheLargestMtuThatFits() {
        a = forwarderAtA(1438);
        b = forwarderAtB(1438);
        pathMtu = 1400;
        deliver(b, b.onConfirm(0), 0);
        deliver(a, a.onConfirm(0), 0);
        assertThat(a.established()).isTrue();
        assertThat(a.mtu()).as("until the search ends").isEqualTo(1438);

        runUntil(60 * S);

        assertThat(a.mtu()).as("1338 + 62 = 1400").isEqualTo(1338);
        assertThat(b.mtu()).isEqualTo(1338);
        assertThat(log).contains("A MtuVerified[mtu=1338] at 12s", "B MtuVerified[mtu=1338] at 12s");
        assertThat(a.failed()).isFalse();
    }
}
