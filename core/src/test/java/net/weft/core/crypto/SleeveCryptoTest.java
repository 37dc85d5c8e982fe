package net.weft.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.weft.core.id.PeerName;
import org.junit.jupiter.api.Test;

class SleeveCryptoTest {

    private static final byte[] KEY = SessionKey.derive(NaclVectors.BOX_KEY, "pw".getBytes(StandardCharsets.UTF_8));
    private static final PeerName DIALLER = PeerName.of("aa:00:00:00:00:02");
    private static final PeerName LISTENER = PeerName.of("aa:00:00:00:00:01");
    private static final long WINDOW = ReplayWindow.WINDOW_BITS;

    private final SleeveEncryptor diallerSends = new SleeveEncryptor(DIALLER, KEY, true);
    private final SleeveOpener listenerReceives = new SleeveOpener(KEY, false);
    private final SleeveEncryptor listenerSends = new SleeveEncryptor(LISTENER, KEY, false);
    private final SleeveOpener diallerReceives = new SleeveOpener(KEY, true);

    @Test
    void overheadsMatchWeave() {
        assertThat(SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED).isEqualTo(30);
        assertThat(SleeveCrypto.PACKET_OVERHEAD_PLAIN).isEqualTo(6);
        assertThat(SleeveCrypto.FRAME_OVERHEAD).isEqualTo(14);
        assertThat(TcpCrypto.OVERHEAD_BYTES).isEqualTo(16);
    }

    @Test
    void packetIsClearNameAndSeqNoAndDfThenTheBoxUnderTheSleeveNonce() {
        byte[] frames = frames(36);
        diallerSends.seal(true, frames);
        byte[] secondDf = diallerSends.seal(true, frames);
        byte[] firstPlain = diallerSends.seal(false, frames);

        assertThat(secondDf).hasSize(36 + 30);
        assertThat(PeerName.fromBytes(secondDf, 0)).isEqualTo(DIALLER);
        assertThat(SleeveCrypto.readSeqNoAndDf(secondDf, 0)).isEqualTo(0x8000_0000_0000_0001L);
        assertThat(secondDf).isEqualTo(SleeveTestPackets.packet(KEY, true, DIALLER, 0x8000_0000_0000_0001L, frames));
        assertThat(firstPlain).isEqualTo(SleeveTestPackets.packet(KEY, true, DIALLER, 0L, frames));
        assertThat(listenerSends.seal(false, frames))
                .isEqualTo(SleeveTestPackets.packet(KEY, false, LISTENER, 0L, frames));
    }

    @Test
    void dfAndNonDfPathsCountSeparately() {
        for (int i = 0; i < 3; i++) {
            diallerSends.seal(true, frames(10));
        }
        diallerSends.seal(false, frames(10));
        assertThat(diallerSends.nextSequence(true)).isEqualTo(3);
        assertThat(diallerSends.nextSequence(false)).isEqualTo(1);
    }

    @Test
    void packetsOpenOnTheOtherSideInBothDirectionsAndBothPaths() {
        for (boolean df : new boolean[] {true, false}) {
            byte[] frames = frames(98 + 14);
            assertThat(openToFrames(listenerReceives, diallerSends.seal(df, frames))).isEqualTo(frames);
            assertThat(openToFrames(diallerReceives, listenerSends.seal(df, frames))).isEqualTo(frames);
        }
    }

    @Test
    void sealsAndOpensInPlaceWithFramesBuiltAfterTheHeader() {
        int outOffset = 8;
        byte[] frames = frames(1400);
        byte[] buffer = new byte[outOffset + SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED + frames.length];
        int framesAt = outOffset + SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED;
        System.arraycopy(frames, 0, buffer, framesAt, frames.length);
        int length = diallerSends.seal(false, buffer, framesAt, frames.length, buffer, outOffset);
        assertThat(Arrays.copyOfRange(buffer, outOffset, outOffset + length))
                .isEqualTo(SleeveTestPackets.packet(KEY, true, DIALLER, 0L, frames));
        assertThat(listenerReceives.open(buffer, outOffset, length, buffer, framesAt)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(Arrays.copyOfRange(buffer, framesAt, buffer.length)).isEqualTo(frames);
    }

    @Test
    void wrongKeyAndReflectedPacketsAreForged() {
        byte[] packet = diallerSends.seal(true, frames(20));
        SleeveOpener wrongPassword = new SleeveOpener(
                SessionKey.derive(NaclVectors.BOX_KEY, "PW".getBytes(StandardCharsets.UTF_8)), false);
        assertThat(open(wrongPassword, packet)).isEqualTo(SleeveOpenOutcome.FORGED);
        assertThat(open(diallerReceives, packet)).isEqualTo(SleeveOpenOutcome.FORGED);
    }

    @Test
    void bitFlipsInTheSequenceTagOrCiphertextAreForgedButTheClearNameIsNotAuthenticated() {
        byte[] packet = diallerSends.seal(false, frames(40));
        for (int i = SleeveCrypto.SEQ_NO_AND_DF_OFFSET; i < packet.length; i++) {
            byte[] flipped = packet.clone();
            flipped[i] ^= 0x04;
            assertThat(open(listenerReceives, flipped)).as("flip at %d", i).isEqualTo(SleeveOpenOutcome.FORGED);
        }
        byte[] renamed = packet.clone();
        renamed[SleeveCrypto.SENDER_OFFSET] ^= 0x01;
        assertThat(open(listenerReceives, renamed)).isEqualTo(SleeveOpenOutcome.OK);
    }

    @Test
    void truncatedPacketsAreMalformedOrForged() {
        byte[] packet = diallerSends.seal(true, frames(40));
        assertThat(open(listenerReceives, Arrays.copyOf(packet, 29))).isEqualTo(SleeveOpenOutcome.MALFORMED);
        assertThat(open(listenerReceives, Arrays.copyOf(packet, 5))).isEqualTo(SleeveOpenOutcome.MALFORMED);
        assertThat(open(listenerReceives, Arrays.copyOf(packet, 30))).isEqualTo(SleeveOpenOutcome.FORGED);
        assertThat(open(listenerReceives, Arrays.copyOf(packet, packet.length - 1)))
                .isEqualTo(SleeveOpenOutcome.FORGED);
        assertThat(open(listenerReceives, packet)).isEqualTo(SleeveOpenOutcome.OK);
    }

    @Test
    void aDecryptorRefusesPacketsOfTheOtherDfFlag() {
        SleeveDecryptor dfOnly = new SleeveDecryptor(KEY, false, true);
        byte[] plain = diallerSends.seal(false, frames(10));
        assertThat(dfOnly.df()).isTrue();
        assertThat(dfOnly.open(plain, 0, plain.length, new byte[10], 0)).isEqualTo(SleeveOpenOutcome.MALFORMED);
    }

    @Test
    void replaysAreDroppedAndReorderingWithinTheWindowIsAccepted() {
        byte[] p0 = diallerSends.seal(true, frames(10));
        byte[] p1 = diallerSends.seal(true, frames(11));
        byte[] p2 = diallerSends.seal(true, frames(12));
        byte[] q0 = diallerSends.seal(false, frames(13));
        assertThat(open(listenerReceives, p2)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(open(listenerReceives, p0)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(open(listenerReceives, p0)).isEqualTo(SleeveOpenOutcome.REPLAY);
        assertThat(open(listenerReceives, q0)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(open(listenerReceives, p1)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(open(listenerReceives, p2)).isEqualTo(SleeveOpenOutcome.REPLAY);
        assertThat(open(listenerReceives, q0)).isEqualTo(SleeveOpenOutcome.REPLAY);
    }

    @Test
    void anyDeliveryOrderWithDuplicatesOpensEachPacketExactlyOnce() {
        qt().withExamples(200).forAll(lists().of(integers().between(0, 19)).ofSizeBetween(1, 60))
                .checkAssert(deliveries -> {
            SleeveEncryptor sender = new SleeveEncryptor(DIALLER, KEY, true);
            SleeveOpener receiver = new SleeveOpener(KEY, false);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(sender.seal(i % 3 == 0, frames(i + 1)));
            }
            Set<Integer> delivered = new HashSet<>();
            for (int index : deliveries) {
                SleeveOpenOutcome expected = delivered.add(index) ? SleeveOpenOutcome.OK : SleeveOpenOutcome.REPLAY;
                assertThat(open(receiver, sent.get(index))).as("packet %d", index).isEqualTo(expected);
            }
        });
    }

    @Test
    void oneWindowBackIsStillCheckedButTwoWindowsBackIsTooOld() {
        long oldSeq = 5;
        long previousWindowSeq = 2 * WINDOW - 1;
        long newest = 2 * WINDOW + 7;
        assertThat(openAt(oldSeq)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(openAt(previousWindowSeq - 1)).isEqualTo(SleeveOpenOutcome.OK); // window 1: slide
        assertThat(openAt(newest)).isEqualTo(SleeveOpenOutcome.OK);               // window 2: slide
        assertThat(openAt(previousWindowSeq)).isEqualTo(SleeveOpenOutcome.OK);    // one window back, new
        assertThat(openAt(previousWindowSeq - 1)).isEqualTo(SleeveOpenOutcome.REPLAY);
        assertThat(openAt(oldSeq)).isEqualTo(SleeveOpenOutcome.TOO_OLD);           // window 0
        assertThat(openAt(WINDOW - 1)).isEqualTo(SleeveOpenOutcome.TOO_OLD);
    }

    @Test
    void jumpingMoreThanOneWindowAheadForgetsBothWindows() {
        assertThat(openAt(10)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(openAt(5 * WINDOW)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(openAt(10)).isEqualTo(SleeveOpenOutcome.TOO_OLD);
        assertThat(openAt(4 * WINDOW + 10)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(openAt(5 * WINDOW)).isEqualTo(SleeveOpenOutcome.REPLAY);
    }

    @Test
    void aForgedHugeSequenceNumberDoesNotMoveTheWindow() {
        assertThat(openAt(3)).isEqualTo(SleeveOpenOutcome.OK);
        byte[] forged = SleeveTestPackets.packet(KEY, true, DIALLER, SleeveCrypto.DF_FLAG | (Long.MAX_VALUE >>> 1),
                frames(20));
        forged[forged.length - 1] ^= 0x10;
        assertThat(open(listenerReceives, forged)).isEqualTo(SleeveOpenOutcome.FORGED);
        assertThat(openAt(4)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(openAt(3)).isEqualTo(SleeveOpenOutcome.REPLAY);
    }

    @Test
    void theHighestSequenceNumberIsUsable() {
        long highest = SleeveCrypto.SEQUENCE_MASK;
        assertThat(openAt(highest)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(openAt(highest)).isEqualTo(SleeveOpenOutcome.REPLAY);
        assertThat(openAt(highest - WINDOW)).isEqualTo(SleeveOpenOutcome.OK);
    }

    private SleeveOpenOutcome openAt(long dfSequence) {
        byte[] packet = SleeveTestPackets.packet(KEY, true, DIALLER, SleeveCrypto.seqNoAndDf(true, dfSequence),
                frames(16));
        return open(listenerReceives, packet);
    }

    private static SleeveOpenOutcome open(SleeveOpener opener, byte[] packet) {
        return opener.open(packet, 0, packet.length, new byte[Math.max(0, packet.length - 30)], 0);
    }

    private static byte[] openToFrames(SleeveOpener opener, byte[] packet) {
        byte[] out = new byte[packet.length - SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED];
        assertThat(opener.open(packet, 0, packet.length, out, 0)).isEqualTo(SleeveOpenOutcome.OK);
        return out;
    }

    private static byte[] frames(int length) {
        byte[] frames = new byte[length];
        for (int i = 0; i < length; i++) {
            frames[i] = (byte) (i * 31 + length);
        }
        return frames;
    }
}
