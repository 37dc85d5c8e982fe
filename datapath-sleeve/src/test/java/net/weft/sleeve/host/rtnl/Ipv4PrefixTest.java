package net.weft.sleeve.host.rtnl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class Ipv4PrefixTest {

    @Test
    void parses_and_prints_an_address_with_its_prefix_length() {
        Ipv4Prefix p = Ipv4Prefix.of("10.32.0.5/12");

        assertThat(p.prefixLength()).isEqualTo(12);
        assertThat(p.addressBytes()).containsExactly(10, 32, 0, 5);
        assertThat(p).hasToString("10.32.0.5/12");
    }

    @Test
    void the_broadcast_address_sets_every_host_bit_and_slash_31_has_none() {
        assertThat(Ipv4Prefix.of("10.32.0.5/12").broadcastBytes()).hasValueSatisfying(b ->
                assertThat(b).containsExactly(10, 47, (byte) 255, (byte) 255));
        assertThat(Ipv4Prefix.of("192.168.1.1/31").broadcastBytes()).isEmpty();
    }

    @Test
    void malformed_text_is_refused_with_a_message_for_the_user() {
        for (String bad : new String[] {"10.0.0.1", "10.0.0/8", "10.0.0.256/8", "10.0.0.1/33", "a.b.c.d/1", "/", ""}) {
            assertThat(Ipv4Prefix.parse(bad)).as(bad).isEmpty();
        }
        assertThatThrownBy(() -> Ipv4Prefix.of("10.0.0.1")).hasMessageContaining("a.b.c.d/n");
    }

    @Test
    void every_prefix_survives_printing_and_parsing() {
        qt().forAll(integers().all(), integers().between(0, 32)).checkAssert((address, length) -> {
            Ipv4Prefix p = new Ipv4Prefix(address, length);
            assertThat(Ipv4Prefix.of(p.toString())).isEqualTo(p);
            assertThat(Ipv4Prefix.fromBytes(p.addressBytes(), length)).isEqualTo(p);
        });
    }
}
