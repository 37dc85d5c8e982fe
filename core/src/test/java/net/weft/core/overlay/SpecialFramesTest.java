package net.weft.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SpecialFramesTest {

    @Test
    void aHeartbeatIsFourteenZerosAndTheUidBigEndian() {
        byte[] hb = SpecialFrames.heartbeat(0x0102030405060708L);
        assertThat(hb).isEqualTo(HexFormat.of().parseHex("0000000000000000000000000000" + "0102030405060708"));
        assertThat(SpecialFrames.parse(hb).value()).isEqualTo(new SpecialFrame.Heartbeat(0x0102030405060708L));
        assertThat(SpecialFrames.parse(SpecialFrames.heartbeat(-1L)).value())
                .isEqualTo(new SpecialFrame.Heartbeat(-1L));
    }

    @Test
    void lengthTellsTestsAndProbesApart() {
        assertThat(SpecialFrames.fragmentationTest()).hasSize(60001);
        assertThat(SpecialFrames.parse(SpecialFrames.fragmentationTest()).value())
                .isEqualTo(new SpecialFrame.FragmentationTest());
        assertThat(SpecialFrames.pmtuProbe(1438)).hasSize(1452);
        assertThat(SpecialFrames.parse(SpecialFrames.pmtuProbe(1438)).value())
                .isEqualTo(new SpecialFrame.PmtuProbe(1438));
        assertThat(SpecialFrames.parse(new byte[SpecialFrames.PMTU_DISCOVERY_BYTES]).value())
                .isEqualTo(new SpecialFrame.PmtuProbe(59986));
    }

    @Test
    void ordinaryFramesAreNotSpecial() {
        byte[] frame = new byte[60];
        frame[13] = 6;
        assertThat(SpecialFrames.isSpecial(frame)).isFalse();
        assertThat(SpecialFrames.isSpecial(new byte[13])).isFalse();
        assertThat(SpecialFrames.isSpecial(null)).isFalse();
        assertThat(SpecialFrames.parse(frame).isOk()).isFalse();
        assertThat(SpecialFrames.parse(new byte[65536]).isOk()).isFalse();
    }

    @Test
    void probesThatWouldReadAsOtherSpecialFramesCannotBeBuilt() {
        assertThatThrownBy(() -> SpecialFrames.pmtuProbe(8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecialFrames.pmtuProbe(59987)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecialFrames.pmtuProbe(65522)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SpecialFrames.pmtuProbe(SpecialFrames.MAX_PROBE_MTU)).hasSize(65535);
    }
}
