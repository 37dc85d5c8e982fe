package net.weft.core.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Oversize IPv4 frames: the ICMP "fragmentation needed" answer byte by byte, and IP fragmentation. */
class OversizeFramesTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int MTU = 1376;

    /** A UDP-in-IPv4 frame 02:..:01 (10.32.0.1) -> 02:..:02 (10.32.0.2), IP total length {@code ipLength}. */
    static byte[] ipv4Frame(int ipLength, boolean dontFragment, int protocol) {
        byte[] f = new byte[EthernetFrame.HEADER_BYTES + ipLength];
        byte[] head = HEX.parseHex("020000000002" + "020000000001" + "0800"
                + "45b8" + String.format("%04x", ipLength) + "1234" + (dontFragment ? "4000" : "0000")
                + "40" + String.format("%02x", protocol) + "0000" + "0a200001" + "0a200002");
        System.arraycopy(head, 0, f, 0, head.length);
        InternetChecksum.fill(f, 14, 20, 24);
        for (int i = 34; i < f.length; i++) {
            f[i] = (byte) (i * 7);
        }
        return f;
    }

    @Test
    void aTooBigDontFragmentFrameIsAnsweredWithIcmpFragmentationNeededAsWeaveBuildsIt() {
        byte[] original = ipv4Frame(1500, true, 17);

        byte[] icmp = OversizeFrames.fragmentationNeeded(original, MTU).orElseThrow();

        String expectedHead = "020000000001" + "020000000002" + "0800"
                + "45b8" + "0038" + "0000" + "0000" + "40" + "01" + "????" + "0a200002" + "0a200001"
                + "03" + "04" + "????" + "0000" + "0560";
        String actual = HEX.formatHex(icmp);
        assertThat(icmp).hasSize(14 + 20 + 8 + 28);
        for (int i = 0; i < expectedHead.length(); i++) {
            if (expectedHead.charAt(i) != '?') {
                assertThat(actual.charAt(i)).as("hex digit %d of %s", i, actual).isEqualTo(expectedHead.charAt(i));
            }
        }
        assertThat(Arrays.copyOfRange(icmp, 42, 70)).isEqualTo(Arrays.copyOfRange(original, 14, 42));
        assertThat(InternetChecksum.verifies(icmp, 14, 20)).as("IP header checksum").isTrue();
        assertThat(InternetChecksum.verifies(icmp, 34, 36)).as("ICMP checksum").isTrue();
    }

    @Test
    void theChecksumsAreTheKnownValuesForAFixedFrame() {
        byte[] icmp = OversizeFrames.fragmentationNeeded(ipv4Frame(1500, true, 17), MTU).orElseThrow();

        assertThat(HEX.formatHex(icmp, 24, 26)).isEqualTo(String.format("%04x", expectedIpChecksum()));
        assertThat(InternetChecksum.of(new byte[] {0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
            0, 0, (byte) 0xc0, (byte) 0xa8, 0x00, 0x01, (byte) 0xc0, (byte) 0xa8, 0x00, (byte) 0xc7}, 0, 20))
                .as("RFC 1071 worked example from Wikipedia's IPv4 header checksum article").isEqualTo(0xb861);
    }

    private static int expectedIpChecksum() {
        byte[] header = HEX.parseHex("45b8003800000000400100000a2000020a200001");
        return InternetChecksum.of(header, 0, 20);
    }

    @Test
    void icmpErrorsNonFirstFragmentsAndShortFramesGetNoIcmpAnswerButEchoRequestsDo() {
        byte[] error = ipv4Frame(1500, true, 1);
        error[34] = 3;
        assertThat(OversizeFrames.fragmentationNeeded(error, MTU)).isEmpty();
        byte[] echo = ipv4Frame(1500, true, 1);
        echo[34] = 8;
        assertThat(OversizeFrames.fragmentationNeeded(echo, MTU)).isPresent();
        byte[] later = ipv4Frame(1500, true, 17);
        later[21] = 0x10;
        assertThat(OversizeFrames.fragmentationNeeded(later, MTU)).isEmpty();
        assertThat(OversizeFrames.fragmentationNeeded(Arrays.copyOf(later, 30), MTU)).isEmpty();
    }

    @Test
    void anMtuBelowTheFloorIsRefused() {
        assertThatThrownBy(() -> OversizeFrames.fragmentationNeeded(ipv4Frame(1500, true, 17), 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OversizeFrames.fragment(ipv4Frame(1500, false, 17), 551))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNonDfFrameIsSplitInto8ByteAlignedFragmentsWithCorrectFlagsOffsetsAndChecksums() {
        byte[] original = ipv4Frame(3000, false, 17);

        List<byte[]> fragments = OversizeFrames.fragment(original, MTU);

        assertThat(fragments).as("payload slices of (1376 - 20) / 8 * 8 = 1352 bytes: 169 units each")
                .extracting(f -> f.length).containsExactly(14 + 20 + 1352, 14 + 20 + 1352, 14 + 20 + 276);
        assertThat(fragments).allSatisfy(f -> {
            assertThat(f.length - 14).isLessThanOrEqualTo(MTU);
            assertThat(InternetChecksum.verifies(f, 14, 20)).isTrue();
        });
        assertThat(fragments).extracting(f -> HEX.formatHex(f, 20, 22)).containsExactly("2000", "20a9", "0152");
        assertThat(reassemble(fragments)).isEqualTo(original);
    }

    @Test
    void dfFramesAreNeverFragmented() {
        assertThat(OversizeFrames.fragment(ipv4Frame(3000, true, 17), MTU)).isEmpty();
    }

    @Test
    void fragmentsAlwaysFitAndReassembleToTheOriginal() {
        qt().withExamples(40).forAll(integers().between(21, 9000), integers().between(552, 4000))
                .check((length, mtu) -> {
                    byte[] original = ipv4Frame(length, false, 17);
                    List<byte[]> fragments = OversizeFrames.fragment(original, mtu);
                    return fragments.stream().allMatch(f -> f.length - 14 <= mtu
                            && InternetChecksum.verifies(f, 14, 20))
                            && Arrays.equals(reassemble(fragments), original);
                });
    }

    /** Puts fragments back together by offset, as the receiving kernel does; header from the first. */
    private static byte[] reassemble(List<byte[]> fragments) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int expectedUnits = 0;
        for (byte[] f : fragments) {
            int units = ((f[20] & 0x1F) << 8) | (f[21] & 0xFF);
            assertThat(units).isEqualTo(expectedUnits);
            payload.write(f, 34, f.length - 34);
            expectedUnits += (f.length - 34) / 8;
        }
        assertThat(fragments.get(fragments.size() - 1)[20] & 0x20).as("last fragment has MF clear").isZero();
        byte[] out = new byte[34 + payload.size()];
        System.arraycopy(fragments.get(0), 0, out, 0, 34);
        System.arraycopy(payload.toByteArray(), 0, out, 34, payload.size());
        out[16] = (byte) (out.length - 14 >>> 8);
        out[17] = (byte) (out.length - 14);
        out[20] = 0;
        out[21] = 0;
        InternetChecksum.fill(out, 14, 20, 24);
        return out;
    }
}
