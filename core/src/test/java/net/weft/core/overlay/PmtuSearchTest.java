package net.weft.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The path-MTU search on its own: probes, the retry ladder, bisection to the largest MTU a path carries, the
 * 552 floor, re-verification and the host's "too big" report. A path is simulated by answering every probe
 * whose candidate fits it, instantly.
 */
class PmtuSearchTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final PmtuSearch.Next WAIT = new PmtuSearch.Next.Wait();

    private static PmtuSearch.Next probe(int mtu) {
        return new PmtuSearch.Next.Probe(mtu);
    }

    private static PmtuSearch.Next settled(int mtu) {
        return new PmtuSearch.Next.Settled(mtu);
    }

    /**
     * Runs a search to its end over a path that carries candidates up to {@code pathMtu}: answers fitting
     * probes at once, lets time pass to each deadline otherwise. Returns the candidates probed, in order, each
     * once however many times it was retried.
     */
    private static List<Integer> runSearch(PmtuSearch search, PmtuSearch.Next first, int pathMtu, long startNs) {
        List<Integer> probed = new ArrayList<>();
        PmtuSearch.Next next = first;
        long now = startNs;
        while (next instanceof PmtuSearch.Next.Probe p) {
            if (probed.isEmpty() || probed.get(probed.size() - 1) != p.mtu()) {
                probed.add(p.mtu());
            }
            if (p.mtu() <= pathMtu) {
                next = search.onVerified(p.mtu(), now);
            } else {
                now = search.deadlineNs();
                next = search.onTimer(now);
            }
        }
        assertThat(next).isInstanceOf(PmtuSearch.Next.Settled.class);
        return probed;
    }

    @Test
    void theConfiguredMtuIsProbedFirstAndAnAnswerSettlesIt() {
        PmtuSearch search = new PmtuSearch(1438);
        assertThat(search.start(0)).isEqualTo(probe(1438));
        assertThat(search.searching()).isTrue();
        assertThat(search.deadlineNs()).isEqualTo(10 * MS);
        assertThat(search.onVerified(1438, 3 * MS)).isEqualTo(settled(1438));
        assertThat(search.mtu()).isEqualTo(1438);
        assertThat(search.searching()).isFalse();
        assertThat(search.deadlineNs()).as("re-verified in 10 minutes").isEqualTo(3 * MS + 600 * S);
    }

    @Test
    void anUnansweredProbeIsRetriedSevenTimesWithDoublingTimeoutsThenTheCandidateCountsAsTooBig() {
        PmtuSearch search = new PmtuSearch(1438);
        search.start(0);
        List<Long> retriesAt = new ArrayList<>();
        assertThat(search.onTimer(9 * MS)).isEqualTo(WAIT);
        for (int attempt = 1; attempt < PmtuSearch.PROBE_ATTEMPTS; attempt++) {
            long due = search.deadlineNs();
            retriesAt.add(due / MS);
            assertThat(search.onTimer(due)).isEqualTo(probe(1438));
        }
        assertThat(retriesAt).containsExactly(10L, 30L, 70L, 150L, 310L, 630L, 1270L);
        assertThat(search.deadlineNs()).as("the eighth probe waits 1280 ms").isEqualTo(2550 * MS);
        assertThat(search.mtu()).as("unchanged while searching").isEqualTo(1438);

        assertThat(search.onTimer(2550 * MS)).as("midpoint of 552 and 1438").isEqualTo(probe((552 + 1438) / 2));
    }

    @Test
    void onA1400BytePathThePlainSearchBisectsDownTo1338() {
        PmtuSearch search = new PmtuSearch(1438);
        List<Integer> probed = runSearch(search, search.start(0), 1338, 0);
        assertThat(probed).containsExactly(1438, 995, 1216, 1327, 1382, 1354, 1340, 1333, 1336, 1338, 1339);
        assertThat(search.mtu()).isEqualTo(1338);
    }

    @Test
    void theSearchFindsExactlyTheLargestMtuAnyPathCarries() {
        qt().withExamples(200).forAll(integers().between(552, 9000), integers().between(552, 9000))
                .check((configured, path) -> {
                    PmtuSearch search = new PmtuSearch(configured);
                    List<Integer> probed = runSearch(search, search.start(0), path, 0);
                    return search.mtu() == Math.min(configured, path) && probed.size() <= 15
                            && probed.stream().allMatch(m -> m >= OverlayForwarder.MIN_MTU && m <= configured);
                });
    }

    @Test
    void whenNoProbeEverArrivesTheMtuStopsAtTheFloorNeverBelow() {
        PmtuSearch search = new PmtuSearch(1438);
        List<Integer> probed = runSearch(search, search.start(0), 0, 0);
        assertThat(search.mtu()).isEqualTo(OverlayForwarder.MIN_MTU);
        assertThat(probed).allSatisfy(m -> assertThat(m).isGreaterThan(OverlayForwarder.MIN_MTU));
        assertThat(probed).hasSize(10);

        PmtuSearch atTheFloor = new PmtuSearch(OverlayForwarder.MIN_MTU);
        runSearch(atTheFloor, atTheFloor.start(0), 0, 0);
        assertThat(atTheFloor.mtu()).isEqualTo(OverlayForwarder.MIN_MTU);
    }

    @Test
    void answersForAnotherCandidateOrOutsideASearchChangeNothing() {
        PmtuSearch search = new PmtuSearch(1438);
        assertThat(search.onVerified(1438, 0)).isEqualTo(WAIT);
        search.start(0);
        assertThat(search.onVerified(1437, 1 * MS)).isEqualTo(WAIT);
        assertThat(search.onVerified(65535, 1 * MS)).isEqualTo(WAIT);
        assertThat(search.searching()).isTrue();
        assertThat(search.onVerified(1438, 2 * MS)).isEqualTo(settled(1438));
        assertThat(search.onVerified(1438, 3 * MS)).as("the retry's twin").isEqualTo(WAIT);
    }

    @Test
    void tenMinutesLaterTheSearchRunsAgainFromTheConfiguredMtuAndFollowsAPathThatShrankOrGrew() {
        PmtuSearch search = new PmtuSearch(1438);
        search.start(0);
        search.onVerified(1438, 0);
        assertThat(search.onTimer(599 * S)).isEqualTo(WAIT);

        PmtuSearch.Next again = search.onTimer(600 * S);
        assertThat(again).isEqualTo(probe(1438));
        runSearch(search, again, 1200, 600 * S);
        assertThat(search.mtu()).isEqualTo(1200);

        long next = search.deadlineNs();
        assertThat(next).isGreaterThan(1200 * S);
        runSearch(search, search.onTimer(next), 1500, next);
        assertThat(search.mtu()).as("never above the configured MTU").isEqualTo(1438);
    }

    @Test
    void aSendTooBigLowersTheMtuAtOnceAndVerifiesTheRouteBound() {
        PmtuSearch search = new PmtuSearch(1438);
        search.start(0);
        search.onVerified(1438, 0);

        assertThat(search.onTooBig(1300, 5 * S)).isEqualTo(probe(1300));
        assertThat(search.mtu()).as("the kernel's bound applies before verification").isEqualTo(1300);
        assertThat(search.onTooBig(1350, 5 * S)).as("a larger bound during the search").isEqualTo(WAIT);
        assertThat(search.onVerified(1300, 5 * S)).isEqualTo(settled(1300));
        assertThat(search.onTooBig(1300, 6 * S)).as("already that small").isEqualTo(WAIT);
        assertThat(search.onTooBig(100, 7 * S)).as("clamped to the floor").isEqualTo(probe(552));
        assertThat(search.mtu()).isEqualTo(552);
    }

    @Test
    void theConfiguredMtuMustBeInRange() {
        assertThatThrownBy(() -> new PmtuSearch(551)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PmtuSearch(OverlayForwarder.MAX_MTU + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
