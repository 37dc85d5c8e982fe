package net.weft.core.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.rng.SplitMix64;
import org.junit.jupiter.api.Test;

/** Compressed rows read back as the rows put in, and renaming drops exactly the neighbours mapped away. */
class AdjacencyTest {

    private static final int MAX_ROWS = 20;

    @Test
    void rows_read_back_as_added_and_renamed_rows_keep_exactly_the_mapped_neighbours() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            DeterministicRandom rng = new SplitMix64(seed);
            int n = rng.nextInt(MAX_ROWS + 1);
            List<int[]> rows = new ArrayList<>();
            Adjacency.Builder builder = new Adjacency.Builder(n, rng.nextInt(4));
            for (int i = 0; i < n; i++) {
                TreeSet<Integer> row = new TreeSet<>();
                int degree = rng.nextInt(6);
                for (int k = 0; k < degree; k++) {
                    row.add(rng.nextInt(n));
                }
                int[] array = row.stream().mapToInt(Integer::intValue).toArray();
                rows.add(array);
                builder.add(array);
            }
            Adjacency adjacency = builder.build();
            long edges = 0;
            for (int i = 0; i < n; i++) {
                assertThat(adjacency.row(i)).isEqualTo(rows.get(i));
                assertThat(adjacency.degree(i)).isEqualTo(rows.get(i).length);
                edges += rows.get(i).length;
                for (int t = 0; t < n; t++) {
                    assertThat(adjacency.has(i, t)).isEqualTo(row(rows.get(i)).contains(t));
                }
            }
            assertThat((long) adjacency.edgeCount()).isEqualTo(edges);
            int[] oldToNew = increasingMapWithGaps(n, rng);
            Adjacency.Builder renamed = new Adjacency.Builder(n, 0);
            for (int i = 0; i < n; i++) {
                List<Integer> expected = new ArrayList<>();
                for (int t : rows.get(i)) {
                    if (oldToNew[t] >= 0) {
                        expected.add(oldToNew[t]);
                    }
                }
                boolean nothingDropped = expected.size() == rows.get(i).length;
                assertThat(renamed.addRemapped(adjacency, i, oldToNew)).isEqualTo(nothingDropped);
            }
            Adjacency after = renamed.build();
            for (int i = 0; i < n; i++) {
                List<Integer> expected = new ArrayList<>();
                for (int t : rows.get(i)) {
                    if (oldToNew[t] >= 0) {
                        expected.add(oldToNew[t]);
                    }
                }
                assertThat(row(after.row(i))).isEqualTo(expected);
            }
        });
    }

    private static int[] increasingMapWithGaps(int n, DeterministicRandom rng) {
        int[] map = new int[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            next += rng.nextInt(3);
            map[i] = rng.chance(0.2) ? -1 : next++;
        }
        return map;
    }

    private static List<Integer> row(int[] row) {
        List<Integer> out = new ArrayList<>();
        for (int v : row) {
            out.add(v);
        }
        return out;
    }
}
