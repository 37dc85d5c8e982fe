package net.weft.sim.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.weft.core.forward.OversizeFrames;
import net.weft.core.id.MacAddress;
import org.junit.jupiter.api.Test;

/** A container puts the router's IP fragments back together, in any order, and only once all have come. */
class ReassemblyTest {

    private static final MacAddress A = MacAddress.of("02:00:00:00:00:01");
    private static final MacAddress B = MacAddress.of("02:00:00:00:00:02");

    private static byte[] bigEcho() {
        return Frames.icmpEcho(Frames.ICMP_ECHO_REQUEST, A, B, 0x0a200001, 0x0a200002, 7, 1, 3000);
    }

    @Test
    void fragmentsInAnyOrderRebuildTheOriginalFrameAndAMissingOneWithholdsIt() {
        byte[] original = bigEcho();
        List<byte[]> fragments = new ArrayList<>(OversizeFrames.fragment(original, 1338));
        assertThat(fragments).hasSize(3).allMatch(Reassembly::isFragment);
        Collections.reverse(fragments);

        Reassembly r = new Reassembly();
        assertThat(r.add(fragments.get(0))).isEmpty();
        assertThat(r.add(fragments.get(1))).isEmpty();
        Optional<byte[]> whole = r.add(fragments.get(2));

        assertThat(whole).hasValueSatisfying(w -> assertThat(w).isEqualTo(original));
        assertThat(Frames.icmpChecksumValid(whole.get())).isTrue();
        assertThat(Reassembly.isFragment(original)).isFalse();

        Reassembly partial = new Reassembly();
        assertThat(partial.add(fragments.get(0))).isEmpty();
        assertThat(partial.add(fragments.get(2))).as("the middle piece is missing").isEmpty();
    }
}
