package net.weft.core.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.TreeMap;
import net.weft.core.id.PeerName;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.rng.SplitMix64;
import org.junit.jupiter.api.Test;

/** The array-backed name table behaves as a sorted map, through puts, replacements, removals and merges. */
class NameTableTest {

    @Test
    void behaves_as_a_tree_map() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            DeterministicRandom rng = new SplitMix64(seed);
            NameTable table = new NameTable();
            TreeMap<PeerName, PeerEntry> model = new TreeMap<>();
            int universe = 1 + rng.nextInt(300);
            for (int op = 0; op < 600; op++) {
                PeerName name = new PeerName(1 + rng.nextInt(universe));
                int kind = rng.nextInt(10);
                if (kind < 6) {
                    PeerEntry e = new PeerEntry(name, "v" + op, new net.weft.core.id.PeerUid(op + 1), op, 0, false,
                            new TreeMap<>());
                    assertThat(table.put(name, e)).isEqualTo(model.put(name, e));
                } else if (kind < 8) {
                    assertThat(table.remove(name)).isEqualTo(model.remove(name));
                } else if (kind < 9) {
                    assertThat(new ArrayList<>(table.values())).isEqualTo(new ArrayList<>(model.values()));
                }
                assertThat(table.get(name)).isEqualTo(model.get(name));
                assertThat(table.containsKey(name)).isEqualTo(model.containsKey(name));
                assertThat(table.size()).isEqualTo(model.size());
            }
            assertThat(new ArrayList<>(table.values())).isEqualTo(new ArrayList<>(model.values()));
        });
    }
}
