package net.weft.core.forward;

import static net.weft.core.forward.TestFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import org.junit.jupiter.api.Test;

/**
 * Scenarios on a small mesh seen from peer A: A's neighbours are B and E; C sits behind B. A's own
 * broadcast tree reaches B and E; in C's and B's trees A passes broadcasts on to E.
 */
class ForwardingRulesTest {

    private static final long MINUTE = 60_000_000_000L;
    private static final PeerName A = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName B = PeerName.of("aa:00:00:00:00:02");
    private static final PeerName C = PeerName.of("aa:00:00:00:00:03");
    private static final PeerName E = PeerName.of("aa:00:00:00:00:05");
    private static final PeerName UNREACHABLE = PeerName.of("aa:00:00:00:00:09");

    private static final String MAC_A = "02:00:00:00:00:0a";
    private static final String MAC_A2 = "02:00:00:00:00:1a";
    private static final String MAC_C = "02:00:00:00:00:0c";
    private static final String MAC_X = "02:00:00:00:00:99";
    private static final String BROADCAST = "ff:ff:ff:ff:ff:ff";

    private static final RouteLookup ROUTES = TestFrames.routes(
            Map.of(B, B, C, B, E, E),
            Map.of(A, List.of(B, E), C, List.of(E), B, List.of(E)));

    private final MacCache macs = new MacCache(10 * MINUTE);
    private final ForwardingRules rules = new ForwardingRules(A, macs);

    // ---- frames captured from our bridge ----

    @Test
    void capturedFrameForAMacBehindARemotePeerGoesToTheFirstHopTowardIt() {
        macs.addForced(MacAddress.of(MAC_C), C, 0);
        ForwardDecision d = rules.onCaptured(frame(MAC_C, MAC_A), ROUTES, 1);
        assertThat(d).isEqualTo(new ForwardDecision.Unicast(C, B));
        assertThat(macs.lookup(MacAddress.of(MAC_A))).contains(A);
    }

    @Test
    void capturedBroadcastGoesAlongOurOwnTree() {
        assertThat(rules.onCaptured(frame(BROADCAST, MAC_A), ROUTES, 0))
                .isEqualTo(new ForwardDecision.Broadcast(List.of(B, E)));
        assertThat(rules.onCaptured(frame("33:33:00:00:00:16", MAC_A), ROUTES, 0))
                .isEqualTo(new ForwardDecision.Broadcast(List.of(B, E)));
    }

    @Test
    void capturedFrameForAnUnknownMacIsFloodedAlongOurOwnTree() {
        assertThat(rules.onCaptured(frame(MAC_X, MAC_A), ROUTES, 0))
                .isEqualTo(new ForwardDecision.Broadcast(List.of(B, E)));
    }

    @Test
    void capturedFrameWhoseSourceBelongsToAnotherPeerIsDroppedAsALoop() {
        macs.addForced(MacAddress.of(MAC_C), C, 0);
        ForwardDecision d = rules.onCaptured(frame(BROADCAST, MAC_C), ROUTES, 1);
        assertThat(d).isEqualTo(new ForwardDecision.Drop("source MAC " + MAC_C + " belongs to peer " + C));
        assertThat(macs.lookup(MacAddress.of(MAC_C))).contains(C);
    }

    @Test
    void spanningTreeFramesAreNeverForwarded() {
        ForwardDecision d = rules.onCaptured(frame("01:80:c2:00:00:00", MAC_A), ROUTES, 0);
        assertThat(d).isInstanceOf(ForwardDecision.Drop.class);
        assertThat(((ForwardDecision.Drop) d).reason()).contains("spanning-tree");
    }

    @Test
    void capturedFrameForALocalMacIsLeftToTheBridge() {
        rules.onCaptured(frame(BROADCAST, MAC_A2), ROUTES, 0);
        ForwardDecision d = rules.onCaptured(frame(MAC_A2, MAC_A), ROUTES, 1);
        assertThat(d).isEqualTo(new ForwardDecision.Drop("destination MAC " + MAC_A2 + " is local"));
    }

    @Test
    void capturedFrameForAPeerWithoutARouteIsDropped() {
        macs.addForced(MacAddress.of(MAC_X), UNREACHABLE, 0);
        ForwardDecision d = rules.onCaptured(frame(MAC_X, MAC_A), ROUTES, 1);
        assertThat(d).isInstanceOf(ForwardDecision.Drop.class);
        assertThat(((ForwardDecision.Drop) d).reason()).contains("no route to peer " + UNREACHABLE);
    }

    @Test
    void capturedBroadcastWithNoNeighboursIsDropped() {
        RouteLookup alone = TestFrames.routes(Map.of(), Map.of());
        ForwardDecision d = rules.onCaptured(frame(BROADCAST, MAC_A), alone, 0);
        assertThat(d).isEqualTo(new ForwardDecision.Drop("no peers to broadcast to"));
    }

    @Test
    void malformedOrInvalidlySourcedCapturedFramesAreDroppedWithoutLearning() {
        assertThat(rules.onCaptured(new byte[13], ROUTES, 0)).isInstanceOf(ForwardDecision.Drop.class);
        assertThat(rules.onCaptured(frame(MAC_X, BROADCAST), ROUTES, 0)).isInstanceOf(ForwardDecision.Drop.class);
        assertThat(rules.onCaptured(frame(MAC_X, "00:00:00:00:00:00"), ROUTES, 0))
                .isInstanceOf(ForwardDecision.Drop.class);
        assertThat(macs.size()).isZero();
    }

    // ---- frames received from peers ----

    @Test
    void frameForAnotherPeerIsRelayedByPeerNameWithoutLearning() {
        ForwardDecision d = rules.onReceived(E, C, frame(MAC_C, MAC_X), ROUTES, 0);
        assertThat(d).isEqualTo(new ForwardDecision.Relay(C, B));
        assertThat(macs.size()).isZero();
    }

    @Test
    void frameForAnUnreachablePeerIsDroppedInTransit() {
        ForwardDecision d = rules.onReceived(E, UNREACHABLE, frame(MAC_C, MAC_X), ROUTES, 0);
        assertThat(d).isEqualTo(new ForwardDecision.Drop("no route to relay to peer " + UNREACHABLE));
    }

    @Test
    void frameForOurLocalMacIsDeliveredOnlyAndTeachesWhereItsSourceLives() {
        rules.onCaptured(frame(BROADCAST, MAC_A), ROUTES, 0);
        ForwardDecision d = rules.onReceived(C, A, frame(MAC_A, MAC_C), ROUTES, 1);
        assertThat(d).isEqualTo(new ForwardDecision.Deliver());
        assertThat(macs.lookup(MacAddress.of(MAC_C))).contains(C);
    }

    @Test
    void broadcastFromAPeerIsDeliveredAndPassedOnAlongItsTree() {
        ForwardDecision d = rules.onReceived(C, A, frame(BROADCAST, MAC_C), ROUTES, 0);
        assertThat(d).isEqualTo(new ForwardDecision.DeliverAndBroadcast(List.of(E)));
    }

    @Test
    void unknownDestinationFromAPeerIsTreatedAsBroadcast() {
        ForwardDecision d = rules.onReceived(C, A, frame(MAC_X, MAC_C), ROUTES, 0);
        assertThat(d).isEqualTo(new ForwardDecision.DeliverAndBroadcast(List.of(E)));
        macs.addForced(MacAddress.of(MAC_X), B, 1);
        assertThat(rules.onReceived(C, A, frame(MAC_X, MAC_C), ROUTES, 2))
                .isEqualTo(new ForwardDecision.DeliverAndBroadcast(List.of(E)));
    }

    @Test
    void broadcastAtALeafOfTheSourceTreeIsDeliveredOnly() {
        ForwardDecision d = rules.onReceived(E, A, frame(BROADCAST, MAC_X), ROUTES, 0);
        assertThat(d).isEqualTo(new ForwardDecision.Deliver());
    }

    @Test
    void aMacSeenBehindANewPeerMovesThere() {
        rules.onReceived(B, A, frame(BROADCAST, MAC_X), ROUTES, 0);
        assertThat(macs.lookup(MacAddress.of(MAC_X))).contains(B);
        rules.onReceived(C, A, frame(BROADCAST, MAC_X), ROUTES, 1);
        assertThat(macs.lookup(MacAddress.of(MAC_X))).contains(C);
        assertThat(rules.onCaptured(frame(MAC_X, MAC_A), ROUTES, 2)).isEqualTo(new ForwardDecision.Unicast(C, B));
    }

    @Test
    void aDeliveredFrameThatTheBridgeHandsBackIsNotForwardedAgain() {
        byte[] f = frame(BROADCAST, MAC_C);
        rules.onReceived(C, A, f, ROUTES, 0);
        assertThat(rules.onCaptured(f, ROUTES, 1)).isInstanceOf(ForwardDecision.Drop.class);
    }

    @Test
    void aFrameClaimingToBeCapturedByUsIsDropped() {
        assertThat(rules.onReceived(A, A, frame(BROADCAST, MAC_X), ROUTES, 0))
                .isInstanceOf(ForwardDecision.Drop.class);
        assertThat(macs.size()).isZero();
    }

    @Test
    void malformedOrInvalidlySourcedReceivedFramesAreDropped() {
        assertThat(rules.onReceived(C, A, new byte[5], ROUTES, 0)).isInstanceOf(ForwardDecision.Drop.class);
        assertThat(rules.onReceived(C, C, new byte[5], ROUTES, 0)).isInstanceOf(ForwardDecision.Drop.class);
        assertThat(rules.onReceived(C, A, frame(MAC_A, BROADCAST), ROUTES, 0))
                .isInstanceOf(ForwardDecision.Drop.class);
        assertThat(macs.size()).isZero();
    }

    // ---- MAC cache life cycle seen through forwarding ----

    @Test
    void anExpiredRemoteMacIsFloodedAgain() {
        rules.onReceived(C, A, frame(BROADCAST, MAC_C), ROUTES, 0);
        assertThat(rules.onCaptured(frame(MAC_C, MAC_A), ROUTES, MINUTE)).isEqualTo(new ForwardDecision.Unicast(C, B));
        macs.expire(11 * MINUTE);
        assertThat(rules.onCaptured(frame(MAC_C, MAC_A), ROUTES, 11 * MINUTE))
                .isEqualTo(new ForwardDecision.Broadcast(List.of(B, E)));
    }

    @Test
    void macsOfARemovedPeerAreFloodedAgain() {
        rules.onReceived(C, A, frame(BROADCAST, MAC_C), ROUTES, 0);
        macs.removePeer(C);
        assertThat(rules.onCaptured(frame(MAC_C, MAC_A), ROUTES, 1))
                .isEqualTo(new ForwardDecision.Broadcast(List.of(B, E)));
    }

    @Test
    void aFullCacheStillForwardsButFloodsWhatItCouldNotLearn() {
        MacCache tiny = new MacCache(10 * MINUTE, 1);
        ForwardingRules r = new ForwardingRules(A, tiny);
        r.onCaptured(frame(BROADCAST, MAC_A), ROUTES, 0);
        assertThat(r.onReceived(C, A, frame(MAC_A, MAC_C), ROUTES, 1)).isEqualTo(new ForwardDecision.Deliver());
        assertThat(tiny.lookup(MacAddress.of(MAC_C))).isEmpty();
        assertThat(tiny.refusedCount()).isEqualTo(1);
        assertThat(r.onCaptured(frame(MAC_C, MAC_A), ROUTES, 2))
                .isEqualTo(new ForwardDecision.Broadcast(List.of(B, E)));
    }
}
