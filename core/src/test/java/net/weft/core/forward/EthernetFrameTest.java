package net.weft.core.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import net.weft.core.id.MacAddress;
import org.junit.jupiter.api.Test;

class EthernetFrameTest {

    /** The ICMP echo request wzc1 -> wzc3 from the Weave capture (sleeve.pcap #20), inner frame only. */
    private static final byte[] ICMP_ECHO = HexFormat.of().parseHex(
            "2e78cb4828af2e38cf7e6f140800450000542be940004001fa7c0a2000010a200003"
            + "0800f41b4b07000195190b6b0000000052840700000000001011121314151617"
            + "18191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637");

    @Test
    void readsTheHeaderOfACapturedIcmpEcho() {
        assertThat(EthernetFrame.isValid(ICMP_ECHO)).isTrue();
        assertThat(EthernetFrame.dst(ICMP_ECHO)).isEqualTo(MacAddress.of("2e:78:cb:48:28:af"));
        assertThat(EthernetFrame.src(ICMP_ECHO)).isEqualTo(MacAddress.of("2e:38:cf:7e:6f:14"));
        assertThat(EthernetFrame.dstValue(ICMP_ECHO)).isEqualTo(0x2e78cb4828afL);
        assertThat(EthernetFrame.srcValue(ICMP_ECHO)).isEqualTo(0x2e38cf7e6f14L);
        assertThat(EthernetFrame.etherType(ICMP_ECHO)).isEqualTo(EthernetFrame.ETHERTYPE_IPV4);
        assertThat(EthernetFrame.hasIpv4Header(ICMP_ECHO)).isTrue();
        assertThat(EthernetFrame.ipv4HeaderBytes(ICMP_ECHO)).isEqualTo(20);
        assertThat(EthernetFrame.ipv4TotalLength(ICMP_ECHO)).isEqualTo(84);
        assertThat(EthernetFrame.ipv4DontFragment(ICMP_ECHO)).isTrue();
    }

    @Test
    void dontFragmentIsOffWhenTheFlagIsClear() {
        byte[] reply = ICMP_ECHO.clone();
        reply[20] = 0;
        assertThat(EthernetFrame.ipv4DontFragment(reply)).isFalse();
    }

    @Test
    void framesShorterThanTheHeaderOrLongerThanSleeveCarriesAreInvalid() {
        assertThat(EthernetFrame.isValid(new byte[13])).isFalse();
        assertThat(EthernetFrame.invalidReason(new byte[13])).contains("shorter");
        assertThat(EthernetFrame.isValid(null)).isFalse();
        assertThat(EthernetFrame.isValid(new byte[14])).isTrue();
        assertThat(EthernetFrame.invalidReason(new byte[14])).isEmpty();
        assertThat(EthernetFrame.isValid(new byte[65536])).isFalse();
        assertThat(EthernetFrame.invalidReason(new byte[65536])).contains("longer");
    }

    @Test
    void ipv4HeaderNeedsTheBytesItsIhlAnnounces() {
        byte[] arp = TestFrames.frame("ff:ff:ff:ff:ff:ff", "02:00:00:00:00:01");
        assertThat(EthernetFrame.isIpv4(arp)).isFalse();
        assertThat(EthernetFrame.hasIpv4Header(arp)).isFalse();
        byte[] cut = java.util.Arrays.copyOf(ICMP_ECHO, 30);
        assertThat(EthernetFrame.hasIpv4Header(cut)).isFalse();
        byte[] longIhl = java.util.Arrays.copyOf(ICMP_ECHO, 40);
        longIhl[14] = 0x4F;
        assertThat(EthernetFrame.hasIpv4Header(longIhl)).isFalse();
        byte[] tinyIhl = ICMP_ECHO.clone();
        tinyIhl[14] = 0x44;
        assertThat(EthernetFrame.hasIpv4Header(tinyIhl)).isFalse();
    }
}
