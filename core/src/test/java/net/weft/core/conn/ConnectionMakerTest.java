package net.weft.core.conn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.Timings;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.rng.SplitMix64;
import net.weft.core.view.TargetView;
import net.weft.core.wire.ConnectionSummary;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ConnectionMakerTest {

    static final long MS = 1_000_000L;
    static final long S = 1_000 * MS;
    static final int PORT = 6783;
    static final PeerName US = PeerName.of("aa:00:00:00:00:01");
    static final PeerName B = PeerName.of("bb:00:00:00:00:02");
    static final PeerName C = PeerName.of("cc:00:00:00:00:03");
    static final PeerName D = PeerName.of("dd:00:00:00:00:04");
    static final Endpoint A1 = new Endpoint("10.0.0.1", PORT);
    static final Timings WEAVE = Timings.weave();

    private long now = 1_000 * S;

    static ConnectionMaker maker(boolean discovery) {
        return new ConnectionMaker(US, PORT, WEAVE, discovery, new SplitMix64(42));
    }

    static List<Endpoint> addresses(List<DialRequest> dials) {
        return dials.stream().map(DialRequest::address).toList();
    }

    static TargetView only(ConnectionMaker cm) {
        assertThat(cm.view()).hasSize(1);
        return cm.view().get(0);
    }

    @Test
    void aNewDirectTargetIsDialledAtOnceAndShowsConnecting() {
        ConnectionMaker cm = maker(false);
        assertThat(cm.initiate(List.of("10.0.0.1"), false, now)).isEmpty();
        assertThat(only(cm).state()).isEqualTo("waiting");

        List<DialRequest> dials = cm.dueDials(now);

        assertThat(dials).containsExactly(new DialRequest(A1, true));
        assertThat(only(cm).state()).isEqualTo("connecting");
        assertThat(cm.dueDials(now)).isEmpty();
        assertThat(cm.nextDeadlineNs(now)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void failedDialsBackOffWithJitterGrowingByHalfUpToSixMinutes() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1:6783"), false, now);
        cm.dueDials(now);
        long interval = 2 * S;
        for (int failure = 1; failure <= 20; failure++) {
            cm.dialFailed(A1, "connection refused", now);
            TargetView v = only(cm);
            assertThat(v.state()).isEqualTo("failed");
            assertThat(v.lastError()).isEqualTo("connection refused");
            long wait = v.nextTryNs() - now;
            assertThat(wait).as("wait after failure %d", failure).isBetween(interval / 2, interval * 3 / 2 - 1);

            assertThat(cm.nextDeadlineNs(now)).isEqualTo(v.nextTryNs());
            assertThat(cm.dueDials(v.nextTryNs() - 1)).isEmpty();
            now = v.nextTryNs();
            assertThat(addresses(cm.dueDials(now))).containsExactly(A1);
            assertThat(only(cm).state()).isEqualTo("retrying");
            interval = Math.min(interval * 3 / 2, 360 * S);
        }
        assertThat(interval).isEqualTo(360 * S);
    }

    @Test
    void jitterDiffersBetweenSeedsButReplaysForTheSameSeed() {
        List<Long> first = waitsAfterThreeFailures(7);
        assertThat(waitsAfterThreeFailures(7)).isEqualTo(first);
        assertThat(waitsAfterThreeFailures(8)).isNotEqualTo(first);
    }

    private List<Long> waitsAfterThreeFailures(long seed) {
        ConnectionMaker cm = new ConnectionMaker(US, PORT, WEAVE, false, new SplitMix64(seed));
        long t = 0;
        cm.initiate(List.of("10.0.0.1"), false, t);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cm.dueDials(t);
            cm.dialFailed(A1, "refused", t);
            long next = only(cm).nextTryNs();
            waits.add(next - t);
            t = next;
        }
        return waits;
    }

    @Test
    void aConnectionThatLivedPastAMinuteIsRetriedAtOnceWithTheIntervalReset() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1"), false, now);
        failTimes(cm, 5);
        long dialNs = now;
        cm.dueDials(now);
        cm.connected(A1);
        assertThat(cm.view()).isEmpty();
        assertThat(cm.stateOf(A1)).contains(TargetState.CONNECTED);

        now = dialNs + 61 * S;
        cm.connectionEnded(A1, true, "read timeout", EndCause.ERROR, now);

        TargetView v = only(cm);
        assertThat(v.state()).isEqualTo("failed");
        assertThat(v.nextTryNs()).isEqualTo(now);
        cm.dueDials(now);
        cm.dialFailed(A1, "refused", now);
        assertThat(only(cm).nextTryNs() - now).isBetween(1 * S, 3 * S - 1);
    }

    @Test
    void losingAnEstablishedConnectionRetriesQuicklyForThirtySecondsThenBacksOffAgain() {
        ConnectionMaker cm = connectedAfterSixFailedDials();

        cm.connectionEnded(A1, true, "EOF", EndCause.ERROR, true, now);
        long lostNs = now;

        assertThat(only(cm).nextTryNs() - now).isBetween(125 * MS, 375 * MS);
        while (now - lostNs < ConnectionMaker.QUICK_RETRY_WINDOW_NS - S) {
            now = only(cm).nextTryNs();
            cm.dueDials(now);
            cm.dialFailed(A1, "connection refused", now);
            assertThat(only(cm).nextTryNs() - now).as("quick retry at +%d ms", (now - lostNs) / MS)
                    .isBetween(125 * MS, 375 * MS);
        }
        now = lostNs + ConnectionMaker.QUICK_RETRY_WINDOW_NS + S;
        cm.dueDials(now);
        cm.dialFailed(A1, "connection refused", now);
        assertThat(only(cm).nextTryNs() - now).as("backoff resumed").isGreaterThan(2 * S);
    }

    @Test
    void aConnectionThatNeverGotEstablishedKeepsWeavesBackoff() {
        ConnectionMaker cm = connectedAfterSixFailedDials();

        cm.connectionEnded(A1, true, "handshake failed", EndCause.ERROR, false, now);

        assertThat(only(cm).nextTryNs() - now).isGreaterThan(2 * S);
    }

    @Test
    void aShortLivedConnectionBacksOffFromWhereTheIntervalWas() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1"), false, now);
        failTimes(cm, 2);
        long dialNs = now;
        cm.dueDials(now);
        cm.connected(A1);

        now = dialNs + 59 * S;
        cm.connectionEnded(A1, true, "Multiple connections", EndCause.ERROR, now);

        long interval = 2 * S * 9 / 4;
        assertThat(only(cm).nextTryNs() - now).isBetween(interval / 2, interval * 3 / 2 - 1);
    }

    /** Fails the target {@code times} times, each time waiting until it is due again. */
    /** A target whose backoff grew over six failed dials, then connected five seconds ago. */
    private ConnectionMaker connectedAfterSixFailedDials() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1"), false, now);
        failTimes(cm, 6);
        cm.dueDials(now);
        cm.connected(A1);
        now += 5 * S;
        return cm;
    }

    private void failTimes(ConnectionMaker cm, int times) {
        for (int i = 0; i < times; i++) {
            now = Math.max(now, cm.nextDeadlineNs(now));
            assertThat(addresses(cm.dueDials(now))).containsExactly(A1);
            cm.dialFailed(A1, "refused", now);
        }
        now = cm.nextDeadlineNs(now);
    }

    @Test
    void aNameCollisionIsNeverRetriedButCountsAsATermination() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1"), false, now);
        cm.dueDials(now);
        cm.connectionEnded(A1, true, "local and remote peer names collision", EndCause.NAME_COLLISION, now);

        TargetView v = only(cm);
        assertThat(v.state()).isEqualTo("failed");
        assertThat(v.nextTryNs()).isEqualTo(Long.MAX_VALUE);
        assertThat(cm.dueDials(now + 3600 * S)).isEmpty();
        assertThat(cm.nextDeadlineNs(now)).isEqualTo(Long.MAX_VALUE);
        assertThat(cm.terminations()).isEqualTo(1);
    }

    @Test
    void connectingToOurselfIsNeverRetriedAndNotCounted() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1"), false, now);
        cm.dueDials(now);
        cm.connectionEnded(A1, true, "cannot connect to ourself", EndCause.CONNECT_TO_SELF, now);

        assertThat(cm.dueDials(now + 3600 * S)).isEmpty();
        assertThat(cm.terminations()).isZero();
    }

    @Test
    void reAddingATargetMakesItDueNowWithTheIntervalReset() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1"), false, now);
        cm.dueDials(now);
        cm.connectionEnded(A1, true, "collision", EndCause.NAME_COLLISION, now);

        cm.initiate(List.of("10.0.0.1"), false, now + S);

        assertThat(addresses(cm.dueDials(now + S))).containsExactly(A1);
        cm.dialFailed(A1, "refused", now + S);
        assertThat(only(cm).nextTryNs() - (now + S)).isBetween(1 * S, 3 * S - 1);
    }

    @Test
    void inboundEndsCountAsTerminationsOnly() {
        ConnectionMaker cm = maker(false);
        cm.connectionEnded(new Endpoint("10.0.0.9", 40000), false, "EOF", EndCause.ERROR, now);
        assertThat(cm.terminations()).isEqualTo(1);
        assertThat(cm.view()).isEmpty();
    }

    @Test
    void discoveryDialsWhatOthersReportOutboundAtItsAddressInboundAtOurPort() {
        ConnectionMaker cm = maker(true);
        DiscoveredPeer b = new DiscoveredPeer(B, List.of(
                new ConnectionSummary(C, "10.0.0.3:7000", true, true),
                new ConnectionSummary(D, "10.0.0.4:41234", false, true),
                new ConnectionSummary(US, "10.0.0.100:6783", true, true),
                new ConnectionSummary(PeerName.of("ee:00:00:00:00:05"), "garbage:port", true, true)));

        cm.refresh(now, ConnectedSet.of(List.of(new LiveConnection(B, new Endpoint("10.0.0.2", PORT), true))),
                List.of(b));

        assertThat(cm.dueDials(now)).containsExactly(
                new DialRequest(new Endpoint("10.0.0.3", 7000), false),
                new DialRequest(new Endpoint("10.0.0.4", PORT), false));
    }

    @Test
    void theOrderOfTheTopologyDoesNotChangeTheDials() {
        DiscoveredPeer b = new DiscoveredPeer(B, List.of(
                new ConnectionSummary(C, "10.0.0.9:6783", true, true),
                new ConnectionSummary(D, "10.0.0.4:41234", false, true)));
        DiscoveredPeer c = new DiscoveredPeer(C, List.of(
                new ConnectionSummary(B, "10.0.0.2:6783", true, true),
                new ConnectionSummary(D, "10.0.0.7:6783", true, true)));
        ConnectionMaker first = maker(true);
        ConnectionMaker second = maker(true);

        first.refresh(now, ConnectedSet.EMPTY, List.of(b, c));
        second.refresh(now, ConnectedSet.EMPTY, List.of(c, b));

        List<DialRequest> dials = first.dueDials(now);
        assertThat(addresses(dials)).extracting(Endpoint::toString)
                .containsExactly("10.0.0.2:6783", "10.0.0.4:6783", "10.0.0.7:6783", "10.0.0.9:6783");
        assertThat(second.dueDials(now)).isEqualTo(dials);
    }

    @Test
    void discoverySkipsPeersWeAreConnectedToAndOurOwnEntry() {
        ConnectionMaker cm = maker(true);
        DiscoveredPeer b = new DiscoveredPeer(B, List.of(new ConnectionSummary(C, "10.0.0.3:6783", true, true)));
        DiscoveredPeer self = new DiscoveredPeer(US, List.of(new ConnectionSummary(D, "10.0.0.4:6783", true, true)));
        ConnectedSet toC = ConnectedSet.of(List.of(new LiveConnection(C, new Endpoint("10.0.0.33", 50000), false)));

        cm.refresh(now, toC, List.of(b, self));

        assertThat(cm.dueDials(now)).isEmpty();
        assertThat(cm.view()).isEmpty();
    }

    @Test
    void discoveredTargetsNoLongerReportedAreForgotten() {
        ConnectionMaker cm = maker(true);
        DiscoveredPeer b = new DiscoveredPeer(B, List.of(new ConnectionSummary(C, "10.0.0.3:6783", true, true)));
        cm.refresh(now, ConnectedSet.EMPTY, List.of(b));
        assertThat(cm.view()).extracting(TargetView::address).containsExactly("10.0.0.3:6783");

        cm.refresh(now, ConnectedSet.EMPTY, List.of(new DiscoveredPeer(B, List.of())));

        assertThat(cm.view()).isEmpty();
        assertThat(cm.stateOf(new Endpoint("10.0.0.3", PORT))).isEmpty();
    }

    @Test
    void withoutDiscoveryOnlyDirectTargetsAreDialled() {
        ConnectionMaker cm = maker(false);
        DiscoveredPeer b = new DiscoveredPeer(B, List.of(new ConnectionSummary(C, "10.0.0.3:6783", true, true)));
        cm.initiate(List.of("10.0.0.1"), false, now);

        cm.refresh(now, ConnectedSet.EMPTY, List.of(b));

        assertThat(addresses(cm.dueDials(now))).containsExactly(A1);
    }

    @Test
    void aDirectTargetWithoutPortIsSatisfiedByAnInboundConnectionFromItsHost() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1"), false, now);
        LiveConnection inbound = new LiveConnection(B, new Endpoint("10.0.0.1", 51234), false);

        cm.refresh(now, ConnectedSet.of(List.of(inbound)), List.of());

        assertThat(cm.dueDials(now)).isEmpty();
        assertThat(cm.stateOf(A1)).contains(TargetState.SUSPENDED);
        assertThat(cm.view()).isEmpty();
        assertThat(cm.directTargets()).containsExactly("10.0.0.1");

        cm.refresh(now + S, ConnectedSet.EMPTY, List.of());
        assertThat(addresses(cm.dueDials(now + S))).containsExactly(A1);
    }

    @Test
    void aDirectTargetWithAPortIsDialledDespiteAnInboundConnectionFromItsHost() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1:6783"), false, now);
        LiveConnection inbound = new LiveConnection(B, new Endpoint("10.0.0.1", 51234), false);

        cm.refresh(now, ConnectedSet.of(List.of(inbound)), List.of());

        assertThat(addresses(cm.dueDials(now))).containsExactly(A1);
    }

    @Test
    void anAddressWeAreConnectedToIsNotDialled() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1:6783"), false, now);
        cm.refresh(now, ConnectedSet.of(List.of(new LiveConnection(B, A1, true))), List.of());

        assertThat(cm.dueDials(now)).isEmpty();
        assertThat(cm.stateOf(A1)).contains(TargetState.SUSPENDED);
    }

    @Test
    void aTargetConnectedFromElsewhereWhileBeingDialledIsSuspendedWhenItsDialFails() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1:6783"), false, now);
        cm.dueDials(now);
        cm.refresh(now, ConnectedSet.of(List.of(new LiveConnection(B, A1, false))), List.of());

        cm.dialFailed(A1, "refused", now);

        assertThat(cm.stateOf(A1)).contains(TargetState.SUSPENDED);
        assertThat(cm.dueDials(now + 3600 * S)).isEmpty();
    }

    @Test
    void aTargetWithoutPortUsesOurPort() {
        ConnectionMaker cm = new ConnectionMaker(US, 7000, WEAVE, false, new SplitMix64(1));
        cm.initiate(List.of("10.0.0.1", "10.0.0.1:7000"), false, now);

        assertThat(addresses(cm.dueDials(now))).containsExactly(new Endpoint("10.0.0.1", 7000));
        assertThat(cm.directTargets()).containsExactly("10.0.0.1", "10.0.0.1:7000");
    }

    @Test
    void fiveHundredDiscoveredAddressesAreDialledInABurstThenOnePerSpacing() {
        ConnectionMaker cm = maker(true);
        List<ConnectionSummary> reported = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            reported.add(new ConnectionSummary(new PeerName(0x100 + i), "10.1." + (i / 250) + "." + (i % 250)
                    + ":6783", true, true));
        }
        cm.refresh(now, ConnectedSet.EMPTY, List.of(new DiscoveredPeer(B, reported)));

        assertThat(cm.dueDials(now)).hasSize(ConnectionMaker.DIAL_BURST);
        long spacing = WEAVE.dialSpacingNs();
        assertThat(cm.nextDeadlineNs(now)).isEqualTo(now + spacing);
        assertThat(cm.dueDials(now + spacing - 1)).isEmpty();

        int dialled = ConnectionMaker.DIAL_BURST;
        long t = now;
        while (dialled < 500) {
            long next = cm.nextDeadlineNs(t);
            assertThat(next).isEqualTo(t + spacing);
            t = next;
            assertThat(cm.dueDials(t)).hasSize(1);
            dialled++;
        }
        assertThat(cm.nextDeadlineNs(t)).isEqualTo(Long.MAX_VALUE);
        assertThat(t - now).isEqualTo((500 - ConnectionMaker.DIAL_BURST) * spacing);
    }

    @Test
    void theBurstRefillsAfterAQuietPeriod() {
        ConnectionMaker cm = maker(false);
        List<String> eight = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            eight.add("10.0.0." + i);
        }
        cm.initiate(eight.subList(0, 4), false, now);
        assertThat(cm.dueDials(now)).hasSize(4);

        cm.initiate(eight, false, now + S);

        assertThat(cm.dueDials(now + S)).hasSize(4);
    }

    @Test
    void noDialStartsWhileConnectionsAndDialsReachTheLimit() {
        ConnectionMaker cm = maker(false);
        cm.setConnectionLimit(3);
        cm.initiate(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"), false, now);
        LiveConnection live = new LiveConnection(B, new Endpoint("10.0.9.9", 40000), false);
        cm.refresh(now, ConnectedSet.of(List.of(live)), List.of());

        List<DialRequest> first = cm.dueDials(now);
        assertThat(first).hasSize(2);
        assertThat(cm.nextDeadlineNs(now)).isEqualTo(Long.MAX_VALUE);
        assertThat(cm.dueDials(now + 10 * S)).isEmpty();

        cm.dialFailed(first.get(0).address(), "refused", now + 10 * S);
        assertThat(cm.dueDials(now + 10 * S)).hasSize(1);

        cm.setConnectionLimit(0);
        assertThat(cm.dueDials(now + 10 * S)).hasSize(1);
    }

    @Test
    void forgettingATargetStopsRetriesButLeavesItsConnection() {
        ConnectionMaker cm = maker(false);
        Endpoint a2 = new Endpoint("10.0.0.2", PORT);
        cm.initiate(List.of("10.0.0.1", "10.0.0.2"), false, now);
        cm.dueDials(now);
        cm.connected(A1);
        cm.dialFailed(a2, "refused", now);

        cm.forget(List.of("10.0.0.1", "10.0.0.2", "10.0.0.77"), now);

        assertThat(cm.directTargets()).isEmpty();
        assertThat(cm.stateOf(a2)).isEmpty();
        assertThat(cm.stateOf(A1)).contains(TargetState.CONNECTED);

        cm.connectionEnded(A1, true, "EOF", EndCause.ERROR, now + S);
        cm.refresh(now + S, ConnectedSet.EMPTY, List.of());
        assertThat(cm.stateOf(A1)).isEmpty();
        assertThat(cm.dueDials(now + 3600 * S)).isEmpty();
    }

    @Test
    void replaceClearsTheDirectListFirst() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1", "10.0.0.2"), false, now);

        cm.initiate(List.of("10.0.0.3:7000"), true, now);

        assertThat(cm.directTargets()).containsExactly("10.0.0.3:7000");
        assertThat(cm.view()).extracting(TargetView::address).containsExactly("10.0.0.3:7000");
    }

    @Test
    void invalidEntriesAreReportedInWeavesWordsAndTheValidOnesStillAdded() {
        ConnectionMaker cm = maker(false);

        List<String> errors = cm.initiate(List.of("", ":6783", "h:port!", "h:99999", "a:b:c", "[::1", "ok.example",
                "say \"hi\""), false, now);

        assertThat(errors).containsExactly(
                "invalid peer name \"\", should be host[:port]",
                "invalid peer name \":6783\", should be host[:port]",
                "invalid peer name \"h:port!\", should be host[:port]",
                "invalid peer name \"h:99999\", should be host[:port]",
                "invalid peer name \"a:b:c\", should be host[:port]",
                "invalid peer name \"[::1\", should be host[:port]",
                "invalid peer name \"say \\\"hi\\\"\", should be host[:port]");
        assertThat(cm.directTargets()).containsExactly("ok.example");
    }

    @Test
    void directTargetsKeepTheirTextAndFirstInsertionOrder() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.2", "[fd00::1]:6783", "10.0.0.1:6783"), false, now);
        cm.initiate(List.of("10.0.0.2", "10.0.0.0"), false, now);

        assertThat(cm.directTargets()).containsExactly("10.0.0.2", "[fd00::1]:6783", "10.0.0.1:6783", "10.0.0.0");
        assertThat(cm.view()).extracting(TargetView::address)
                .containsExactly("10.0.0.0:6783", "10.0.0.1:6783", "10.0.0.2:6783", "[fd00::1]:6783");
    }

    @Test
    void statusWordsFollowWeave() {
        ConnectionMaker cm = maker(true);
        Endpoint c = new Endpoint("10.0.0.3", PORT);
        cm.initiate(List.of("10.0.0.1", "10.0.0.2"), false, now);
        DiscoveredPeer b = new DiscoveredPeer(B, List.of(new ConnectionSummary(C, "10.0.0.3:6783", true, true)));
        cm.refresh(now, ConnectedSet.EMPTY, List.of(b));
        cm.dueDials(now);
        cm.dialFailed(A1, "connect: connection refused", now);
        cm.initiate(List.of("10.0.0.4"), false, now);

        assertThat(cm.view()).extracting(TargetView::address, TargetView::direct, TargetView::state)
                .containsExactly(
                        Tuple.tuple("10.0.0.1:6783", true, "failed"),
                        Tuple.tuple("10.0.0.2:6783", true, "connecting"),
                        Tuple.tuple("10.0.0.3:6783", false, "connecting"),
                        Tuple.tuple("10.0.0.4:6783", true, "waiting"));

        now = cm.view().get(0).nextTryNs();
        cm.dueDials(now);
        cm.connected(c);
        assertThat(cm.view()).extracting(TargetView::state).containsExactly("retrying", "connecting", "connecting");
    }

    @Test
    void outcomesForTargetsWithoutADialInFlightAreIgnored() {
        ConnectionMaker cm = maker(false);
        cm.initiate(List.of("10.0.0.1"), false, now);

        assertThat(cm.dialFailed(A1, "refused", now)).isFalse();
        assertThat(cm.connected(A1)).isFalse();
        assertThat(cm.connected(new Endpoint("10.9.9.9", 1))).isFalse();
        assertThat(only(cm).state()).isEqualTo("waiting");
    }
}
