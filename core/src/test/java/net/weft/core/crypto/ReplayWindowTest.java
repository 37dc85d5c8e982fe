package net.weft.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    private static final long WINDOW = ReplayWindow.WINDOW_BITS;

    @Test
    void checkingChangesNothingUntilAccepted() {
        ReplayWindow window = new ReplayWindow();
        assertThat(window.check(7 * WINDOW)).isEqualTo(ReplayWindow.Verdict.FRESH);
        assertThat(window.currentWindow()).isZero();
        assertThat(window.check(7 * WINDOW)).isEqualTo(ReplayWindow.Verdict.FRESH);
        window.accept(7 * WINDOW);
        assertThat(window.currentWindow()).isEqualTo(7);
        assertThat(window.check(7 * WINDOW)).isEqualTo(ReplayWindow.Verdict.REPLAY);
    }

    @Test
    void slidingByOneWindowKeepsTheOldCurrentSetAsThePreviousOne() {
        ReplayWindow window = new ReplayWindow();
        window.accept(WINDOW - 1);
        window.accept(WINDOW);
        assertThat(window.check(WINDOW - 1)).isEqualTo(ReplayWindow.Verdict.REPLAY);
        assertThat(window.check(WINDOW - 2)).isEqualTo(ReplayWindow.Verdict.FRESH);
        window.accept(2 * WINDOW);
        assertThat(window.check(WINDOW)).isEqualTo(ReplayWindow.Verdict.REPLAY);
        assertThat(window.check(WINDOW - 2)).isEqualTo(ReplayWindow.Verdict.TOO_OLD);
    }

    /**
     * Model: a number is too old when its window is more than one behind the newest accepted window, else a
     * replay exactly when it was accepted before. Sequences are drawn from a few windows and few offsets so
     * that duplicates, slides and resets all happen.
     */
    @Test
    void agreesWithTheSimpleModelForAnyArrivalOrder() {
        qt().forAll(lists().of(integers().between(0, 5 * 8 - 1)).ofSizeBetween(1, 200)).checkAssert(draws -> {
            ReplayWindow window = new ReplayWindow();
            Set<Long> accepted = new HashSet<>();
            long newestWindow = 0;
            for (long sequence : toSequences(draws)) {
                long w = sequence / WINDOW;
                ReplayWindow.Verdict expected = w < newestWindow - 1 ? ReplayWindow.Verdict.TOO_OLD
                        : accepted.contains(sequence) ? ReplayWindow.Verdict.REPLAY : ReplayWindow.Verdict.FRESH;
                assertThat(window.check(sequence)).as("seq %d", sequence).isEqualTo(expected);
                if (expected == ReplayWindow.Verdict.FRESH) {
                    window.accept(sequence);
                    accepted.add(sequence);
                    newestWindow = Math.max(newestWindow, w);
                }
            }
        });
    }

    @Test
    void storageGrowsOnlyWithTheOffsetsUsed() {
        PagedBitSet set = new PagedBitSet(ReplayWindow.WINDOW_BITS);
        for (int i = 0; i < 1000; i++) {
            set.set(i);
        }
        assertThat(set.allocatedPages()).isEqualTo(1);
        set.set(ReplayWindow.WINDOW_BITS - 1);
        assertThat(set.allocatedPages()).isEqualTo(2);
        assertThat(set.get(999)).isTrue();
        assertThat(set.get(1000)).isFalse();
        assertThat(set.get(ReplayWindow.WINDOW_BITS - 1)).isTrue();
        set.clear();
        assertThat(set.allocatedPages()).isZero();
        assertThat(set.get(999)).isFalse();
    }

    /** Maps each draw to window {@code d / 8} (0..4) and one of eight offsets spread over the window. */
    private static List<Long> toSequences(List<Integer> draws) {
        return draws.stream().map(d -> (d / 8) * WINDOW + (d % 8) * (WINDOW / 8) + d % 3).toList();
    }
}
