package net.weft.core.conn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.Timings;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    static final long MS = 1_000_000L;
    static final long S = 1_000 * MS;

    @Test
    void backoffDelaysCoverTheWholeJitterWindowAndNothingOutside() {
        Backoff b = new Backoff(Timings.weave(), new SplitMix64(3));
        long i = 2 * S;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int n = 0; n < 10_000; n++) {
            long d = b.delayNs(i);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isGreaterThanOrEqualTo(i / 2).isLessThan(i / 2 + i / 100);
        assertThat(max).isLessThan(i * 3 / 2).isGreaterThan(i * 3 / 2 - i / 100);
    }

    @Test
    void backoffIntervalGrowsByHalfToTheCap() {
        Backoff b = new Backoff(Timings.weave(), new SplitMix64(3));
        List<Long> seconds = new ArrayList<>();
        long i = b.initialIntervalNs();
        for (int n = 0; n < 16; n++) {
            seconds.add(i / MS);
            i = b.grow(i);
        }
        assertThat(seconds).startsWith(2000L, 3000L, 4500L, 6750L, 10125L);
        assertThat(seconds).endsWith(360_000L, 360_000L);
        assertThat(b.grow(b.maxIntervalNs())).isEqualTo(360 * S);
    }

    @Test
    void tokenBucketAllowsItsCapacityAtOnceThenOnePerInterval() {
        TokenBucket bucket = new TokenBucket(3, 10);
        assertThat(bucket.available(100)).isEqualTo(3);
        assertThat(bucket.tryTake(100)).isTrue();
        assertThat(bucket.tryTake(100)).isTrue();
        assertThat(bucket.tryTake(100)).isTrue();
        assertThat(bucket.tryTake(100)).isFalse();
        assertThat(bucket.nextTokenNs(100)).isEqualTo(110);
        assertThat(bucket.tryTake(109)).isFalse();
        assertThat(bucket.tryTake(110)).isTrue();
        assertThat(bucket.available(125)).isEqualTo(1);
        assertThat(bucket.available(10_000)).isEqualTo(3);
        assertThat(bucket.nextTokenNs(10_000)).isEqualTo(10_000);
    }

    @Test
    void acceptThrottleLetsTwentyInThenOneEveryFiftyMilliseconds() {
        AcceptThrottle throttle = new AcceptThrottle();
        long t = 5 * S;
        int accepted = 0;
        while (throttle.tryAccept(t)) {
            accepted++;
        }
        assertThat(accepted).isEqualTo(20);
        assertThat(throttle.nextTokenNs(t)).isEqualTo(t + 50 * MS);
        assertThat(throttle.tryAccept(t + 49 * MS)).isFalse();
        assertThat(throttle.tryAccept(t + 50 * MS)).isTrue();

        int afterOneSecond = 0;
        while (throttle.tryAccept(t + 1050 * MS)) {
            afterOneSecond++;
        }
        assertThat(afterOneSecond).isEqualTo(20);
    }

    @Test
    void duplicateTieBreakKeepsTheLowerUnsignedUid() {
        long high = 0x8000_0000_0000_0000L;
        assertThat(DuplicateConnections.decide(high, 1)).isEqualTo(DuplicateConnections.Decision.KEEP_NEW_DROP_OLD);
        assertThat(DuplicateConnections.decide(1, high)).isEqualTo(DuplicateConnections.Decision.REFUSE_NEW);
        assertThat(DuplicateConnections.decide(-1L, -2L)).isEqualTo(DuplicateConnections.Decision.KEEP_NEW_DROP_OLD);
        assertThat(DuplicateConnections.decide(7, 7)).isEqualTo(DuplicateConnections.Decision.DROP_BOTH);
    }

    @Test
    void bothEndsOfATieBreakAgree() {
        long first = 0x1234_5678_9abc_def0L;
        long second = 0x0fed_cba9_8765_4321L;
        assertThat(DuplicateConnections.decide(first, second))
                .isEqualTo(DuplicateConnections.Decision.KEEP_NEW_DROP_OLD);
        assertThat(DuplicateConnections.decide(second, first)).isEqualTo(DuplicateConnections.Decision.REFUSE_NEW);
    }

    @Test
    void duplicateMessageIsWeaves() {
        String m = DuplicateConnections.message(PeerName.of("bb:00:00:00:00:02"), "host2",
                PeerName.of("aa:00:00:00:00:01"), "host1");
        assertThat(m).isEqualTo("Multiple connections to bb:00:00:00:00:02(host2) added to aa:00:00:00:00:01(host1)");
        assertThat(ConnectionMaker.connectionLimitError(200)).isEqualTo("Connection limit reached (200)");
    }

    @Test
    void directPeerParsingFollowsSplitHostPort() {
        assertThat(DirectPeers.parse("10.0.0.1")).contains(new Endpoint("10.0.0.1", 0));
        assertThat(DirectPeers.parse("10.0.0.1:")).contains(new Endpoint("10.0.0.1", 0));
        assertThat(DirectPeers.parse("host-a.example:7000")).contains(new Endpoint("host-a.example", 7000));
        assertThat(DirectPeers.parse("[fd00::1]")).contains(new Endpoint("fd00::1", 0));
        assertThat(DirectPeers.parse("[fd00::1]:6783")).contains(new Endpoint("fd00::1", 6783));
        assertThat(DirectPeers.parse("fd00::1")).isEmpty();
        assertThat(DirectPeers.parse("[fd00::1]x")).isEmpty();
        assertThat(DirectPeers.parse("h:65536")).isEmpty();
        assertThat(DirectPeers.parse("h:http")).isEmpty();
        assertThat(DirectPeers.parse("h/x:1")).isEmpty();
    }

    @Test
    void invalidEntryErrorQuotesLikeGo() {
        assertThat(DirectPeers.invalidEntryError("a\tb\\"))
                .isEqualTo("invalid peer name \"a\\tb\\\\\", should be host[:port]");
        assertThat(DirectPeers.invalidEntryError("\u0001"))
                .isEqualTo("invalid peer name \"\\x01\", should be host[:port]");
    }

    @Test
    void targetStatesFollowTheirTable() {
        assertThat(TargetState.WAITING.canMoveTo(TargetState.CONNECTED)).isFalse();
        assertThat(TargetState.ATTEMPTING.canMoveTo(TargetState.SUSPENDED)).isFalse();
        assertThat(TargetState.CONNECTED.canMoveTo(TargetState.ATTEMPTING)).isFalse();
        assertThat(TargetState.SUSPENDED.canMoveTo(TargetState.ATTEMPTING)).isFalse();
        assertThat(TargetState.ATTEMPTING.canMoveTo(TargetState.CONNECTED)).isTrue();
    }
}
