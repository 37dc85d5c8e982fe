package net.weft.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.weft.core.Timings;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import org.junit.jupiter.api.Test;

/** Heartbeat machine scenarios with Weave's timings: 500 ms fast, 10 s slow, 60 s timeout. */
class OverlayForwarderTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final PeerName A = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName B = PeerName.of("aa:00:00:00:00:02");
    private static final long UID = 0x1234_5678_9abc_def0L;
    private static final Endpoint B_TCP = new Endpoint("192.0.2.2", 6783);
    private static final Endpoint A_NAT = new Endpoint("198.51.100.7", 40001);
    private static final Endpoint A_NAT_REBOUND = new Endpoint("198.51.100.7", 40777);
    private static final byte[] ESTABLISHED_BODY = {0, 1};

    private static OverlayForwarder outboundFromA() {
        return new OverlayForwarder(A, B, UID, true, Optional.of(B_TCP), Timings.weave(),
                OverlayForwarder.DEFAULT_MTU);
    }

    private static OverlayForwarder inboundAtB() {
        return new OverlayForwarder(B, A, UID, false, Optional.empty(), Timings.weave(),
                OverlayForwarder.DEFAULT_MTU);
    }

    private static OverlayAction beat(PeerName from, PeerName to, Endpoint dst) {
        SleeveFrame f = new SleeveFrame(from, to, SpecialFrames.heartbeat(UID));
        return new OverlayAction.SendDatagram(dst, SleevePacket.encode(from, List.of(f)));
    }

    /** A probe datagram for {@code mtu}: a special frame of {@code mtu + 14} zero bytes. */
    static OverlayAction probe(PeerName from, PeerName to, Endpoint dst, int mtu) {
        SleeveFrame f = new SleeveFrame(from, to, SpecialFrames.pmtuProbe(mtu));
        return new OverlayAction.SendDatagram(dst, SleevePacket.encode(from, List.of(f)));
    }

    /** The tag-7 body of the peer's PMTUVerified answer for {@code mtu} on overlay 0. */
    static byte[] verified(int mtu) {
        return new byte[] {0, 3, (byte) (mtu >>> 8), (byte) mtu};
    }

    /** The peer confirms our heartbeats, then our first PMTU probe, both at {@code nowNs}. */
    private static void establishAndVerify(OverlayForwarder f, long nowNs) {
        f.onControl(ESTABLISHED_BODY, nowNs);
        assertThat(f.onControl(verified(f.configuredMtu()), nowNs))
                .containsExactly(new OverlayAction.MtuVerified(f.configuredMtu()));
    }

    private static boolean isIgnored(List<OverlayAction> actions) {
        return actions.size() == 1 && actions.get(0) instanceof OverlayAction.Ignored;
    }

    @Test
    void outboundSideBeatsFastFromConfirmUntilThePeerConfirmsThenSlowly() {
        OverlayForwarder a = outboundFromA();
        assertThat(a.onConfirm(0)).containsExactly(beat(A, B, B_TCP));
        assertThat(a.nextDeadlineNs()).isEqualTo(500 * MS);
        assertThat(a.onTimer(499 * MS)).isEmpty();
        assertThat(a.onTimer(500 * MS)).containsExactly(beat(A, B, B_TCP));
        assertThat(a.nextDeadlineNs()).isEqualTo(1000 * MS);

        assertThat(a.onControl(ESTABLISHED_BODY, 700 * MS))
                .containsExactly(new OverlayAction.BecameEstablished(), probe(A, B, B_TCP, 1376));
        assertThat(a.established()).isTrue();
        assertThat(a.nextDeadlineNs()).as("the probe's answer is due within 10 ms").isEqualTo(710 * MS);
        assertThat(a.onControl(verified(1376), 705 * MS)).containsExactly(new OverlayAction.MtuVerified(1376));
        assertThat(a.nextDeadlineNs()).isEqualTo(700 * MS + 10 * S);
        assertThat(a.onTimer(1000 * MS)).isEmpty();
        assertThat(a.onTimer(700 * MS + 10 * S)).containsExactly(beat(A, B, B_TCP));
        assertThat(a.onControl(ESTABLISHED_BODY, 11 * S)).isEmpty();
    }

    @Test
    void inboundSideWaitsForTheFirstHeartbeatToLearnWhereToSend() {
        OverlayForwarder b = inboundAtB();
        assertThat(b.onConfirm(0)).isEmpty();
        assertThat(b.remote()).isEmpty();
        assertThat(b.nextDeadlineNs()).isEqualTo(60 * S);
        assertThat(b.onTimer(30 * S)).isEmpty();

        assertThat(b.onHeartbeat(A_NAT, UID, 31 * S))
                .containsExactly(beat(B, A, A_NAT), new OverlayAction.SendControl(ESTABLISHED_BODY));
        assertThat(b.remote()).contains(A_NAT);
        assertThat(b.nextDeadlineNs()).isEqualTo(31 * S + 500 * MS);
        assertThat(b.onTimer(31 * S + 500 * MS)).containsExactly(beat(B, A, A_NAT));
    }

    @Test
    void connectionEstablishedIsSentOnlyForTheFirstHeartbeat() {
        OverlayForwarder a = outboundFromA();
        a.onConfirm(0);
        assertThat(a.onHeartbeat(B_TCP, UID, 100 * MS))
                .containsExactly(new OverlayAction.SendControl(ESTABLISHED_BODY));
        assertThat(a.onHeartbeat(B_TCP, UID, 600 * MS)).isEmpty();
        assertThat(a.onHeartbeat(B_TCP, UID, 1100 * MS)).isEmpty();
        assertThat(a.established()).isFalse();
    }

    @Test
    void silenceForTheTimeoutFailsTheForwarderOnce() {
        OverlayForwarder a = outboundFromA();
        a.onConfirm(0);
        for (long t = 500 * MS; t < 60 * S; t += 500 * MS) {
            assertThat(a.onTimer(t)).containsExactly(beat(A, B, B_TCP));
        }
        assertThat(a.onTimer(60 * S)).containsExactly(new OverlayAction.Failed("timed out waiting for UDP heartbeat"));
        assertThat(a.failed()).isTrue();
        assertThat(a.nextDeadlineNs()).isEqualTo(OverlayForwarder.NO_DEADLINE);
        assertThat(a.onTimer(61 * S)).isEmpty();
        assertThat(isIgnored(a.onHeartbeat(B_TCP, UID, 61 * S))).isTrue();
        assertThat(isIgnored(a.onControl(ESTABLISHED_BODY, 61 * S))).isTrue();
    }

    @Test
    void anEstablishedForwarderAlsoFailsWhenHeartbeatsStop() {
        OverlayForwarder a = outboundFromA();
        a.onConfirm(0);
        a.onHeartbeat(B_TCP, UID, 1 * S);
        establishAndVerify(a, 1 * S);
        assertThat(a.onTimer(60 * S)).containsExactly(beat(A, B, B_TCP));
        assertThat(a.nextDeadlineNs()).isEqualTo(61 * S);
        assertThat(a.onTimer(61 * S)).containsExactly(new OverlayAction.Failed(OverlayForwarder.TIMEOUT_REASON));
    }

    @Test
    void everyValidHeartbeatPostponesTheTimeout() {
        OverlayForwarder b = inboundAtB();
        b.onConfirm(0);
        b.onHeartbeat(A_NAT, UID, 50 * S);
        establishAndVerify(b, 50 * S);
        b.onHeartbeat(A_NAT, UID, 100 * S);
        assertThat(b.onTimer(159 * S)).containsExactly(beat(B, A, A_NAT));
        assertThat(b.onTimer(160 * S)).containsExactly(new OverlayAction.Failed(OverlayForwarder.TIMEOUT_REASON));
    }

    @Test
    void aHeartbeatFromANewSourceAddressMovesTheRemoteThere() {
        OverlayForwarder b = inboundAtB();
        b.onConfirm(0);
        b.onHeartbeat(A_NAT, UID, 1 * S);
        assertThat(b.onHeartbeat(A_NAT_REBOUND, UID, 2 * S)).isEmpty();
        assertThat(b.remote()).contains(A_NAT_REBOUND);
        assertThat(b.onTimer(b.nextDeadlineNs())).containsExactly(beat(B, A, A_NAT_REBOUND));
    }

    @Test
    void aHeartbeatWithAnotherConnectionsUidIsIgnored() {
        OverlayForwarder b = inboundAtB();
        b.onConfirm(0);
        assertThat(isIgnored(b.onHeartbeat(A_NAT, UID + 1, 1 * S))).isTrue();
        assertThat(b.remote()).isEmpty();
        assertThat(b.onTimer(60 * S)).containsExactly(new OverlayAction.Failed(OverlayForwarder.TIMEOUT_REASON));
    }

    @Test
    void heartbeatsBeforeConfirmAreIgnored() {
        OverlayForwarder b = inboundAtB();
        assertThat(isIgnored(b.onHeartbeat(A_NAT, UID, 0))).isTrue();
        assertThat(b.nextDeadlineNs()).isEqualTo(OverlayForwarder.NO_DEADLINE);
        b.onConfirm(1);
        assertThatThrownBy(() -> b.onConfirm(2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thePeersFragmentationTestsAndPmtuProbesAreAnswered() {
        OverlayForwarder b = inboundAtB();
        b.onConfirm(0);
        SleeveFrame frag = new SleeveFrame(A, B, SpecialFrames.fragmentationTest());
        assertThat(b.onSpecialFrame(A_NAT, frag, 1)).containsExactly(new OverlayAction.SendControl(new byte[] {0, 2}));
        SleeveFrame probe = new SleeveFrame(A, B, SpecialFrames.pmtuProbe(1438));
        assertThat(b.onSpecialFrame(A_NAT, probe, 2))
                .containsExactly(new OverlayAction.SendControl(new byte[] {0, 3, 0x05, (byte) 0x9e}));
        SleeveFrame hb = new SleeveFrame(A, B, SpecialFrames.heartbeat(UID));
        assertThat(b.onSpecialFrame(A_NAT, hb, 3)).hasSize(2);
    }

    @Test
    void specialFramesWithTheWrongLabelsOrNotSpecialAreIgnored() {
        OverlayForwarder b = inboundAtB();
        b.onConfirm(0);
        assertThat(isIgnored(b.onSpecialFrame(A_NAT, new SleeveFrame(B, A, SpecialFrames.heartbeat(UID)), 1)))
                .isTrue();
        assertThat(isIgnored(b.onSpecialFrame(A_NAT, new SleeveFrame(A, A, SpecialFrames.heartbeat(UID)), 1)))
                .isTrue();
        assertThat(isIgnored(b.onSpecialFrame(A_NAT, new SleeveFrame(A, B, new byte[] {1, 2, 3}), 1))).isTrue();
        assertThat(b.remote()).isEmpty();
    }

    @Test
    void malformedOrForeignControlMessagesAreIgnored() {
        OverlayForwarder a = outboundFromA();
        a.onConfirm(0);
        assertThat(isIgnored(a.onControl(new byte[] {0}, 1))).isTrue();
        assertThat(isIgnored(a.onControl(new byte[] {1, 1}, 1))).isTrue();
        assertThat(isIgnored(a.onControl(new byte[] {0, 9}, 1))).isTrue();
        assertThat(isIgnored(a.onControl(new byte[] {0, 1, 0}, 1))).isTrue();
        assertThat(isIgnored(a.onControl(new byte[] {0, 2}, 1))).isTrue();
        assertThat(isIgnored(a.onControl(new byte[] {0, 3, 5, (byte) 0x9e}, 1))).isTrue();
        assertThat(a.established()).isFalse();
    }

    @Test
    void theSleeveAnswersUnderItsOwnOverlayIndex() {
        OverlayForwarder b = new OverlayForwarder(B, A, UID, false, Optional.empty(), Timings.weave(), 1438, 1);
        b.onConfirm(0);
        assertThat(b.onHeartbeat(A_NAT, UID, 1)).contains(new OverlayAction.SendControl(new byte[] {1, 1}));
        assertThat(isIgnored(b.onControl(ESTABLISHED_BODY, 2))).isTrue();
        assertThat(b.onControl(new byte[] {1, 1}, 3))
                .containsExactly(new OverlayAction.BecameEstablished(), probe(B, A, A_NAT, 1438));
        assertThat(isIgnored(b.onControl(verified(1438), 4))).as("an answer on overlay 0").isTrue();
        assertThat(b.onControl(new byte[] {1, 3, 0x05, (byte) 0x9e}, 5))
                .containsExactly(new OverlayAction.MtuVerified(1438));
        assertThat(b.mtu()).isEqualTo(1438);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new OverlayForwarder(A, B, UID, true, Optional.empty(), Timings.weave(), 1376))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OverlayForwarder(A, B, UID, false, Optional.empty(), Timings.weave(), 100))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProbeForThe1500ByteDefaultFillsTheUnderlayPacketExactly() {
        OverlayForwarder a = new OverlayForwarder(A, B, UID, true, Optional.of(B_TCP), Timings.weave(), 1438);
        a.onConfirm(0);
        List<OverlayAction> actions = a.onControl(ESTABLISHED_BODY, 1 * S);
        OverlayAction.SendDatagram probe = (OverlayAction.SendDatagram) actions.get(1);
        assertThat(probe.to()).isEqualTo(B_TCP);
        assertThat(probe.datagram().length + SleevePacket.UDP_IPV4_OVERHEAD_BYTES)
                .as("28 + sender 6 + frame header 14 + special frame 1438 + 14").isEqualTo(1500);
        assertThat(SleevePacket.decode(probe.datagram()).value().frames()).singleElement()
                .satisfies(f -> assertThat(SpecialFrames.parse(f.frame()).value())
                        .isEqualTo(new SpecialFrame.PmtuProbe(1438)));
    }

    @Test
    void unansweredProbesKeepTheConfiguredMtuUntilTheSearchSettlesLower() {
        OverlayForwarder a = new OverlayForwarder(A, B, UID, true, Optional.of(B_TCP), Timings.weave(), 1438);
        a.onConfirm(0);
        a.onControl(ESTABLISHED_BODY, 0);
        List<OverlayAction> probes = new ArrayList<>();
        long now = 0;
        while (now < 2550 * MS) {
            now = a.nextDeadlineNs();
            probes.addAll(a.onTimer(now));
        }
        assertThat(probes).as("seven retries, then the midpoint").containsExactly(
                probe(A, B, B_TCP, 1438), probe(A, B, B_TCP, 1438), probe(A, B, B_TCP, 1438),
                probe(A, B, B_TCP, 1438), probe(A, B, B_TCP, 1438), probe(A, B, B_TCP, 1438),
                probe(A, B, B_TCP, 1438), probe(A, B, B_TCP, 995));
        assertThat(a.mtu()).isEqualTo(1438);
        assertThat(a.verifyingMtu()).isTrue();
        assertThat(isIgnored(a.onControl(verified(1438), now))).as("stale answers are not ignored input").isFalse();
        assertThat(a.onControl(verified(995), now)).containsExactly(probe(A, B, B_TCP, 1216));
        assertThat(a.mtu()).isEqualTo(1438);
    }

    @Test
    void theMtuIsVerifiedAgainTenMinutesLaterAlongsideTheHeartbeats() {
        OverlayForwarder a = outboundFromA();
        a.onConfirm(0);
        establishAndVerify(a, 0);
        a.onHeartbeat(B_TCP, UID, 595 * S);
        assertThat(a.onTimer(600 * S)).containsExactly(beat(A, B, B_TCP), probe(A, B, B_TCP, 1376));
        assertThat(a.onControl(verified(1376), 600 * S)).containsExactly(new OverlayAction.MtuVerified(1376));
    }

    @Test
    void aSendTooBigLowersTheMtuAtOnceButOnlyOnceEstablished() {
        OverlayForwarder a = outboundFromA();
        a.onConfirm(0);
        assertThat(isIgnored(a.onSendTooBig(1300, 1))).isTrue();
        establishAndVerify(a, 2);
        assertThat(a.onSendTooBig(1300, 3)).containsExactly(probe(A, B, B_TCP, 1300));
        assertThat(a.mtu()).isEqualTo(1300);
        assertThat(a.onControl(verified(1300), 4)).containsExactly(new OverlayAction.MtuVerified(1300));
    }

    @Test
    void ourProbeIsByteForByteWeavesAndWeavesCapturedAnswerSettlesIt() {
        OverlayForwarder a = new OverlayForwarder(A, B, UID, true, Optional.of(B_TCP), Timings.weave(), 1438);
        a.onConfirm(0);
        List<OverlayAction> established = a.onControl(ESTABLISHED_BODY, 0);
        byte[] weaveProbe = WireHex.loadPadded("sleeve-pmtu-probe-h1-to-h2-prefix.hex", 1472);
        assertThat(established).as("Weave's probe for 1438, sleeve.pcap #7")
                .containsExactly(new OverlayAction.BecameEstablished(),
                        new OverlayAction.SendDatagram(B_TCP, weaveProbe));

        byte[] controlStream = WireHex.load("control-frames-h2-dialler.hex");
        int pmtuVerifiedFrame = 2 * 7;
        byte[] tag7Body = java.util.Arrays.copyOfRange(controlStream, pmtuVerifiedFrame + 5, pmtuVerifiedFrame + 9);
        assertThat(tag7Body).isEqualTo(verified(1438));
        assertThat(a.onControl(tag7Body, 4 * MS)).as("Weave's PMTUVerified 1438, control.pcap #23")
                .containsExactly(new OverlayAction.MtuVerified(1438));
    }
}
