package net.weft.daemon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import net.weft.core.id.PeerName;
import net.weft.core.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class HostIdentityTest {

    private static HostFiles files(Map<String, String> contents) {
        return path -> Optional.ofNullable(contents.get(path)).map(s -> s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void the_name_flag_wins_over_everything() {
        HostIdentity.ChosenName n = HostIdentity.peerName(Optional.of("12::9a:bc"),
                files(Map.of("/sys/class/net/weft/address", "02:00:00:00:00:09\n")), new SplitMix64(1));

        assertThat(n).isEqualTo(new HostIdentity.ChosenName(PeerName.of("12:00:00:00:9a:bc"),
                HostIdentity.NameSource.FLAG));
    }

    @Test
    void a_bad_name_flag_is_refused() {
        assertThatThrownBy(() -> HostIdentity.peerName(Optional.of("not-a-mac"), files(Map.of()), new SplitMix64(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-a-mac");
    }

    @Test
    void an_existing_bridge_keeps_the_name_across_restarts() {
        HostIdentity.ChosenName n = HostIdentity.peerName(Optional.empty(), files(Map.of(
                "/sys/class/net/weft/address", "02:00:00:00:00:09\n", "/etc/machine-id", "abc\n")),
                new SplitMix64(1));

        assertThat(n.name()).isEqualTo(PeerName.of("02:00:00:00:00:09"));
        assertThat(n.source()).isEqualTo(HostIdentity.NameSource.BRIDGE);
    }

    @Test
    void the_machine_ids_give_the_same_name_on_every_start_and_a_local_unicast_mac() {
        HostFiles host = files(Map.of("/etc/machine-id", "0123456789abcdef0123456789abcdef\n",
                "/sys/class/dmi/id/product_uuid", "4C4C4544-0042-3510-8052-B4C04F564433\n"));

        HostIdentity.ChosenName first = HostIdentity.peerName(Optional.empty(), host, new SplitMix64(1));
        HostIdentity.ChosenName again = HostIdentity.peerName(Optional.empty(), host, new SplitMix64(2));

        assertThat(first).isEqualTo(again);
        assertThat(first.source()).isEqualTo(HostIdentity.NameSource.MACHINE_ID);
        assertThat(first.name().value() >>> 40 & 0x03).isEqualTo(0x02);
    }

    @Test
    void the_dbus_machine_id_and_hypervisor_uuid_are_fallbacks() {
        HostFiles primary = files(Map.of("/etc/machine-id", "m\n", "/sys/class/dmi/id/product_uuid", "u\n"));
        HostFiles fallback = files(Map.of("/var/lib/dbus/machine-id", "m\n", "/sys/hypervisor/uuid", "u\n"));

        assertThat(HostIdentity.peerName(Optional.empty(), fallback, new SplitMix64(1)))
                .isEqualTo(HostIdentity.peerName(Optional.empty(), primary, new SplitMix64(1)));
    }

    @Test
    void derived_names_are_always_locally_administered_unicast_and_depend_on_the_ids() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 40)).checkAssert(id -> {
            PeerName n = HostIdentity.fromSystemIds(id.getBytes(StandardCharsets.US_ASCII), new byte[0]);
            long first = n.value() >>> 40;
            assertThat(first & 0x01).isZero();
            assertThat(first & 0x02).isEqualTo(2);
            assertThat(n).isNotEqualTo(HostIdentity.fromSystemIds((id + "x").getBytes(StandardCharsets.US_ASCII),
                    new byte[0]));
        });
    }

    @Test
    void with_no_ids_at_all_the_name_is_random_but_still_a_local_unicast_mac() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            HostIdentity.ChosenName n = HostIdentity.peerName(Optional.empty(), files(Map.of()),
                    new SplitMix64(seed));
            assertThat(n.source()).isEqualTo(HostIdentity.NameSource.RANDOM);
            assertThat(n.name().value() >>> 40 & 0x03).isEqualTo(0x02);
        });
    }

    @Test
    void uids_are_never_zero_and_short_ids_fit_twelve_bits() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplitMix64 rng = new SplitMix64(seed);
            assertThat(HostIdentity.uid(rng).value()).isNotZero();
            assertThat(HostIdentity.shortId(rng)).isBetween(0, HostIdentity.SHORT_ID_LIMIT - 1);
        });
    }
}
