package net.weft.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerNameTest {

    @Test
    void parsesFullAndElidedForms() {
        assertThat(PeerName.of("aa:00:00:00:00:01").value()).isEqualTo(0xaa0000000001L);
        assertThat(PeerName.of("12::9A:BC")).isEqualTo(PeerName.of("12:00:00:00:9a:bc"));
        assertThat(PeerName.of("1:2:3:4:5:6").toString()).isEqualTo("01:02:03:04:05:06");
        assertThat(PeerName.of("::1")).isEqualTo(PeerName.of("00:00:00:00:00:01"));
    }

    @Test
    void rejectsMalformedNames() {
        assertThat(PeerName.parse("::")).isEmpty();
        assertThat(PeerName.parse("12::56:78:9A:BC")).isEmpty();
        assertThat(PeerName.parse("1::2::3")).isEmpty();
        assertThat(PeerName.parse("123::")).isEmpty();
        assertThat(PeerName.parse("aa:bb:cc:dd:ee:ff:00")).isEmpty();
        assertThat(PeerName.parse("aa:bb:cc:dd:ee:fg")).isEmpty();
        assertThat(PeerName.parse("")).isEmpty();
    }

    @Test
    void binaryFormRoundTrips() {
        PeerName n = PeerName.of("8a:3e:3e:3e:3e:3e");
        assertThat(PeerName.fromBytes(n.toBytes(), 0)).isEqualTo(n);
        assertThat(n.toBytes()[0]).isEqualTo((byte) 0x8a);
    }
}
