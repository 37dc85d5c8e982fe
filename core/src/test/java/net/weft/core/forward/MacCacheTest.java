package net.weft.core.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.core.view.MacView;
import org.junit.jupiter.api.Test;

class MacCacheTest {

    private static final long MINUTE = 60_000_000_000L;
    private static final long MAX_AGE = 10 * MINUTE;
    private static final PeerName SELF = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName B = PeerName.of("aa:00:00:00:00:02");
    private static final PeerName C = PeerName.of("aa:00:00:00:00:03");
    private static final MacAddress M1 = MacAddress.of("02:00:00:00:00:01");
    private static final MacAddress M2 = MacAddress.of("02:00:00:00:00:02");
    private static final MacAddress M3 = MacAddress.of("02:00:00:00:00:03");

    private final MacCache cache = new MacCache(MAX_AGE);

    @Test
    void aNewLocalMacIsLearnedAndThenKnown() {
        assertThat(cache.add(M1, SELF, 0)).isEqualTo(AddResult.LEARNED);
        assertThat(cache.add(M1, SELF, 1)).isEqualTo(AddResult.KNOWN);
        assertThat(cache.lookup(M1)).contains(SELF);
        assertThat(cache.lookup(M2)).isEmpty();
    }

    @Test
    void addNeverOverridesAnotherPeersMac() {
        cache.addForced(M1, B, 0);
        assertThat(cache.add(M1, SELF, 5)).isEqualTo(new AddResult.Conflict(B));
        assertThat(cache.lookup(M1)).contains(B);
        assertThat(cache.view()).containsExactly(new MacView(M1, B, 0));
    }

    @Test
    void addForcedFollowsAMacThatMovedAndReportsTheOldOwner() {
        assertThat(cache.addForced(M1, B, 0)).isEmpty();
        assertThat(cache.addForced(M1, B, 1)).isEmpty();
        assertThat(cache.addForced(M1, C, 2)).contains(B);
        assertThat(cache.lookup(M1)).contains(C);
        assertThat(cache.view()).containsExactly(new MacView(M1, C, 2));
    }

    @Test
    void lastSeenIsRefreshedAtMostOncePerTenthOfTheMaxAge() {
        cache.add(M1, SELF, 0);
        cache.add(M1, SELF, MINUTE - 1);
        assertThat(cache.view().get(0).lastSeenNs()).isZero();
        cache.add(M1, SELF, MINUTE);
        assertThat(cache.view().get(0).lastSeenNs()).isEqualTo(MINUTE);
        cache.addForced(M1, SELF, MINUTE + 5);
        assertThat(cache.view().get(0).lastSeenNs()).isEqualTo(MINUTE);
        assertThat(cache.expiryIntervalNs()).isEqualTo(MINUTE);
    }

    @Test
    void entriesUnseenForLongerThanTheMaxAgeExpire() {
        cache.add(M1, SELF, 0);
        cache.addForced(M2, B, 5 * MINUTE);
        assertThat(cache.expire(MAX_AGE)).isZero();
        assertThat(cache.expire(MAX_AGE + 1)).isEqualTo(1);
        assertThat(cache.lookup(M1)).isEmpty();
        assertThat(cache.lookup(M2)).contains(B);
        assertThat(cache.expire(15 * MINUTE + 1)).isEqualTo(1);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aRefreshedEntrySurvivesTheSweep() {
        cache.add(M1, SELF, 0);
        cache.add(M1, SELF, 9 * MINUTE);
        assertThat(cache.expire(12 * MINUTE)).isZero();
        assertThat(cache.lookup(M1)).contains(SELF);
    }

    @Test
    void removingAPeerForgetsOnlyItsMacs() {
        cache.addForced(M1, B, 0);
        cache.addForced(M2, C, 0);
        cache.addForced(M3, B, 0);
        assertThat(cache.removePeer(B)).isEqualTo(2);
        assertThat(cache.view()).containsExactly(new MacView(M2, C, 0));
    }

    @Test
    void aFullCacheRefusesNewMacsButKeepsServingKnownOnes() {
        MacCache small = new MacCache(MAX_AGE, 2);
        small.add(M1, SELF, 0);
        small.addForced(M2, B, 0);
        assertThat(small.add(M3, SELF, 1)).isEqualTo(AddResult.FULL);
        assertThat(small.addForced(M3, C, 1)).isEmpty();
        assertThat(small.lookup(M3)).isEmpty();
        assertThat(small.refusedCount()).isEqualTo(2);
        assertThat(small.addForced(M2, C, 2)).contains(B);
        assertThat(small.add(M1, SELF, 2)).isEqualTo(AddResult.KNOWN);
        small.removePeer(C);
        assertThat(small.add(M3, SELF, 3)).isEqualTo(AddResult.LEARNED);
        assertThat(small.maxEntries()).isEqualTo(2);
    }

    @Test
    void viewIsSortedByMac() {
        cache.addForced(M3, C, 3);
        cache.add(M1, SELF, 1);
        cache.addForced(M2, B, 2);
        List<MacView> view = cache.view();
        assertThat(view).extracting(MacView::mac).containsExactly(M1, M2, M3);
    }
}
