package net.weft.core.router;

import static net.weft.core.router.TestNet.MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.weft.core.forward.InternetChecksum;
import net.weft.core.input.Input;
import org.junit.jupiter.api.Test;

/** Two routers, a 1438-byte overlay MTU: frames too big for it are answered, fragmented or dropped. */
class OversizeFrameRouterTest {

    private static final long S = 1000 * MS;
    private static final int IP_LENGTH = 3000;

    /** h1 - h2 connected, h2's container MAC learned everywhere, nothing delivered yet. */
    static TestNet connectedPairWhereH1KnowsHost2() {
        TestNet net = new TestNet();
        net.add("h1", 1);
        net.add("h2", 2);
        net.link("h1", "h2");
        net.input("h1", new Input.ConnectRequested(List.of(net.address("h2").host()), false));
        net.runFor(5 * S);
        net.input("h2", new Input.FrameCaptured(Frames.broadcastFrom(2)));
        net.runFor(1 * S);
        net.delivered.values().forEach(List::clear);
        return net;
    }

    /** An IPv4 frame from host 1's MAC (10.32.0.1) to host {@code to}'s MAC (10.32.0.2), checksummed. */
    static byte[] ipv4(int toHost, int ipLength, boolean dontFragment) {
        byte[] f = new byte[14 + ipLength];
        f[0] = (byte) (toHost == 0 ? 0xff : 0x02);
        f[5] = (byte) (toHost == 0 ? 0xff : toHost);
        if (toHost == 0) {
            java.util.Arrays.fill(f, 0, 6, (byte) 0xff);
        }
        f[6] = 0x02;
        f[11] = 0x01;
        f[12] = 0x08;
        f[14] = 0x45;
        f[16] = (byte) (ipLength >>> 8);
        f[17] = (byte) ipLength;
        f[20] = (byte) (dontFragment ? 0x40 : 0);
        f[22] = 64;
        f[23] = 6;
        byte[] ips = {10, 32, 0, 1, 10, 32, 0, 2};
        System.arraycopy(ips, 0, f, 26, ips.length);
        int sum = InternetChecksum.of(f, 14, 20);
        f[24] = (byte) (sum >>> 8);
        f[25] = (byte) sum;
        return f;
    }

    @Test
    void aTooBigDfFrameIsAnsweredLocallyWithIcmpAndNothingIsSent() {
        TestNet net = connectedPairWhereH1KnowsHost2();
        int sentBefore = net.datagrams.size();

        net.input("h1", new Input.FrameCaptured(ipv4(2, IP_LENGTH, true)));
        net.runFor(1 * S);

        assertThat(net.delivered.get("h1")).singleElement().satisfies(icmp -> {
            assertThat(icmp[23]).as("protocol ICMP").isEqualTo((byte) 1);
            assertThat(icmp[34]).as("type").isEqualTo((byte) 3);
            assertThat(icmp[35]).as("code").isEqualTo((byte) 4);
            assertThat(((icmp[40] & 0xFF) << 8) | (icmp[41] & 0xFF)).as("next-hop MTU").isEqualTo(1438);
            assertThat(InternetChecksum.verifies(icmp, 34, icmp.length - 34)).isTrue();
        });
        assertThat(net.delivered.get("h2")).isEmpty();
        assertThat(net.datagrams.subList(sentBefore, net.datagrams.size()))
                .noneMatch(d -> d.payload().length > 1000);
        assertThat(net.routers.get("h1").view().counters()).containsEntry("icmp_fragmentation_needed_sent", 1L);
    }

    @Test
    void aDfFrameTooBigForTheRelaysNextHopIsAnsweredBackToItsSender() {
        TestNet net = new TestNet();
        for (int i = 1; i <= 3; i++) {
            net.add("h" + i, i);
        }
        net.link("h1", "h2");
        net.link("h2", "h3");
        net.input("h1", new Input.ConnectRequested(List.of(net.address("h2").host()), false));
        net.input("h3", new Input.ConnectRequested(List.of(net.address("h2").host()), false));
        net.runFor(10 * S);
        net.input("h3", new Input.FrameCaptured(Frames.broadcastFrom(3)));
        net.input("h2", new Input.SendTooBig(net.address("h3"), 1400));
        net.runFor(1 * S);
        net.delivered.values().forEach(List::clear);

        net.input("h1", new Input.FrameCaptured(ipv4(3, 1400, true)));
        net.runFor(1 * S);

        assertThat(net.delivered.get("h3")).isEmpty();
        assertThat(net.delivered.get("h1")).singleElement().satisfies(icmp -> {
            assertThat(icmp[34]).as("type").isEqualTo((byte) 3);
            assertThat(icmp[35]).as("code").isEqualTo((byte) 4);
            assertThat(((icmp[40] & 0xFF) << 8) | (icmp[41] & 0xFF)).as("h2's MTU towards h3").isEqualTo(1338);
            assertThat(InternetChecksum.verifies(icmp, 34, icmp.length - 34)).isTrue();
        });
        assertThat(net.routers.get("h2").view().counters()).containsEntry("icmp_fragmentation_needed_sent", 1L);
    }

    @Test
    void aTooBigNonDfFrameArrivesAsFragmentsThatFitTheMtu() {
        TestNet net = connectedPairWhereH1KnowsHost2();

        net.input("h1", new Input.FrameCaptured(ipv4(2, IP_LENGTH, false)));
        net.runFor(1 * S);

        assertThat(net.delivered.get("h2")).hasSize(3)
                .allSatisfy(f -> assertThat(f.length).isLessThanOrEqualTo(1438 + 14))
                .allSatisfy(f -> assertThat(InternetChecksum.verifies(f, 14, 20)).isTrue());
        assertThat(net.delivered.get("h2").stream().mapToInt(f -> f.length - 34).sum()).isEqualTo(IP_LENGTH - 20);
        assertThat(net.routers.get("h1").view().counters()).containsEntry("frames_fragmented", 1L);
    }

    @Test
    void aTooBigBroadcastIsDroppedAndCounted() {
        TestNet net = connectedPairWhereH1KnowsHost2();

        net.input("h1", new Input.FrameCaptured(ipv4(0, IP_LENGTH, false)));
        net.runFor(1 * S);

        assertThat(net.delivered.get("h2")).isEmpty();
        assertThat(net.delivered.get("h1")).isEmpty();
        assertThat(net.routers.get("h1").view().counters()).containsEntry("frames_too_big_broadcast", 1L);
    }

    @Test
    void aFrameOfExactlyTheMtuIsSentWhole() {
        TestNet net = connectedPairWhereH1KnowsHost2();

        net.input("h1", new Input.FrameCaptured(ipv4(2, 1438, true)));
        net.runFor(1 * S);

        assertThat(net.delivered.get("h2")).singleElement().satisfies(f -> assertThat(f).hasSize(1438 + 14));
        assertThat(net.delivered.get("h1")).isEmpty();
    }

    @Test
    void aPeerSendingAFrameLongerThanTheOverlayMtuHasItDroppedAndCounted() {
        TestNet net = connectedPairWhereH1KnowsHost2();
        net.input("h2", new Input.FrameCaptured(Frames.broadcastFrom(2)));
        net.tamperNextDatagram("h2", plain -> {
            byte[] big = java.util.Arrays.copyOf(plain, plain.length + 2000);
            int frameLength = ((plain[18] & 0xFF) << 8 | (plain[19] & 0xFF)) + 2000;
            big[18] = (byte) (frameLength >>> 8);
            big[19] = (byte) frameLength;
            return big;
        });
        net.runFor(1 * S);

        assertThat(net.delivered.get("h1")).isEmpty();
        assertThat(net.routers.get("h1").view().counters()).containsEntry("frames_too_big_received", 1L);
    }
}
