package net.weft.sleeve.host.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

import net.weft.core.id.MacAddress;
import net.weft.sleeve.host.netns.NetworkNamespace;

class WeftNamesTest {

    @Test
    void a_process_namespace_is_named_by_its_pid_and_a_short_named_one_by_its_name() {
        assertThat(WeftNames.hostEnd(NetworkNamespace.parse("4242"))).isEqualTo("vethwepl4242");
        assertThat(WeftNames.peerEnd(NetworkNamespace.parse("wfpab12"))).isEqualTo("vethwepgwfpab12");
    }

    @Test
    void a_long_namespace_name_is_hashed_into_seven_hex_digits() {
        String id = WeftNames.interfaceId(NetworkNamespace.named("cni-1234-5678-9abc"));

        assertThat(id).hasSize(WeftNames.ID_MAX_LENGTH).matches("[0-9a-f]+");
        assertThat(id).isNotEqualTo(WeftNames.interfaceId(NetworkNamespace.named("cni-1234-5678-9abd")));
    }

    @Test
    void every_namespace_gets_veth_names_the_kernel_accepts_and_a_stable_local_unicast_mac() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 60)).assuming(s -> !s.contains("/")
                && !s.equals(".") && !s.equals("..") && !s.chars().allMatch(Character::isDigit))
            .checkAssert(name -> {
                NetworkNamespace ns = NetworkNamespace.named(name);
                assertThat(WeftNames.hostEnd(ns)).hasSizeLessThanOrEqualTo(15).doesNotContain(" ", "/");
                MacAddress mac = WeftNames.containerMac(ns);
                assertThat(mac.isGroup()).isFalse();
                assertThat((mac.value() >>> 40) & 0x02).as("locally administered").isEqualTo(2);
                assertThat(WeftNames.containerMac(NetworkNamespace.named(name))).isEqualTo(mac);
            });
    }

    @Test
    void reset_recognises_only_weft_veths_and_taps() {
        assertThat(WeftNames.isWeftPort("vethwepl123")).isTrue();
        assertThat(WeftNames.isWeftPort("vethwepg123")).isTrue();
        assertThat(WeftNames.isWeftPort("weft-tap0")).isTrue();
        assertThat(WeftNames.isWeftPort("veth1234")).isFalse();
        assertThat(WeftNames.isWeftPort("eth0")).isFalse();
        assertThat(WeftNames.isWeftPort("docker0")).isFalse();
    }
}
