package net.weft.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import net.weft.core.crypto.SecretBoxEngine;
import net.weft.core.crypto.SleeveCrypto;
import net.weft.core.crypto.SleeveOpenOutcome;
import net.weft.core.id.PeerName;
import org.junit.jupiter.api.Test;

/** The per-connection sleeve channel: plain pass-through, sealed round trips, and the MTUs Weave shows. */
class SleeveChannelTest {

    private static final PeerName A = PeerName.of("aa:00:00:00:00:01");
    private static final PeerName B = PeerName.of("aa:00:00:00:00:02");
    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) (7 * i);
        }
    }

    @Test
    void packetsSealedInPlaceOpenWithUnwrapAndWrappedOnesOpenInPlace() {
        SleeveChannel dialler = SleeveChannel.encrypted(A, KEY, true);
        SleeveChannel dialled = SleeveChannel.encrypted(B, KEY, false);
        byte[] frames = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        int offset = 5;
        byte[] buffer = new byte[offset + dialler.headerBytes() + frames.length];
        A.writeTo(buffer, offset);
        System.arraycopy(frames, 0, buffer, offset + dialler.headerBytes(), frames.length);

        int length = dialler.sealInPlace(buffer, offset, frames.length);
        byte[] wire = java.util.Arrays.copyOfRange(buffer, offset, offset + length);
        SleeveChannel.Unwrapped opened = dialled.unwrap(wire);

        assertThat(length).isEqualTo(30 + frames.length);
        assertThat(opened.ok()).isTrue();
        assertThat(java.util.Arrays.copyOfRange(opened.plainDatagram(), 6, opened.plainDatagram().length))
                .isEqualTo(frames);

        byte[] plain = new byte[6 + frames.length];
        B.writeTo(plain, 0);
        System.arraycopy(frames, 0, plain, 6, frames.length);
        byte[] back = dialled.wrap(plain);
        assertThat(dialler.openInPlace(back, 0, back.length)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(java.util.Arrays.copyOfRange(back, dialler.headerBytes(), back.length)).isEqualTo(frames);
        assertThat(dialler.openInPlace(wire.clone(), 0, wire.length)).isNotEqualTo(SleeveOpenOutcome.OK);
        assertThat(dialled.openInPlace(wire.clone(), 0, wire.length)).isEqualTo(SleeveOpenOutcome.REPLAY);
    }

    @Test
    void aPlainChannelPassesPacketsInPlaceAndRejectsOnesShorterThanASenderName() {
        SleeveChannel plain = SleeveChannel.plain();
        byte[] packet = new byte[20];

        assertThat(plain.headerBytes()).isEqualTo(6);
        assertThat(plain.sealInPlace(packet, 0, 14)).isEqualTo(20);
        assertThat(plain.openInPlace(packet, 0, 20)).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(plain.openInPlace(packet, 0, 5)).isEqualTo(SleeveOpenOutcome.MALFORMED);
    }

    @Test
    void onAFifteenHundredBytePathTheOverlayMtuIs1438PlainAnd1414Encrypted() {
        assertThat(SleeveChannel.overlayMtu(1500, false)).isEqualTo(1438);
        assertThat(SleeveChannel.overlayMtu(1500, true)).isEqualTo(1414);
        assertThat(SleeveChannel.DF_OVERHEAD_ENCRYPTED - SleeveChannel.DF_OVERHEAD_PLAIN).isEqualTo(24);
        assertThat(SleeveChannel.encrypted(A, KEY, true).overlayMtuOn(9000)).isEqualTo(8914);
    }

    @Test
    void aPlainChannelPassesDatagramsThroughUntouched() {
        SleeveChannel plain = SleeveChannel.plain();
        byte[] datagram = SleevePacket.encode(A, List.of(new SleeveFrame(A, B, new byte[] {1, 2, 3})));

        assertThat(plain.encrypted()).isFalse();
        assertThat(plain.wrap(datagram)).isSameAs(datagram);
        assertThat(plain.unwrap(datagram).plainDatagram()).isSameAs(datagram);
    }

    @Test
    void sealedDatagramsRoundTripBetweenTheTwoEndsInBothDirections() {
        qt().withExamples(40).forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 300))
                .checkAssert(payload -> {
                    SleeveChannel dialler = SleeveChannel.encrypted(A, KEY, true);
                    SleeveChannel dialled = SleeveChannel.encrypted(B, KEY, false);
                    byte[] frame = toBytes(payload);
                    byte[] fromA = SleevePacket.encode(A, List.of(new SleeveFrame(A, B, frame)));
                    byte[] fromB = SleevePacket.encode(B, List.of(new SleeveFrame(B, A, frame)));

                    byte[] wireA = dialler.wrap(fromA);
                    assertThat(wireA).hasSize(fromA.length + 24);
                    assertThat(PeerName.fromBytes(wireA, 0)).isEqualTo(A);
                    assertThat(dialled.unwrap(wireA).plainDatagram()).isEqualTo(fromA);
                    assertThat(dialler.unwrap(dialler.wrap(fromA)).outcome())
                            .as("our own packets do not open with our own polarity")
                            .isEqualTo(SleeveOpenOutcome.FORGED);
                    assertThat(dialler.unwrap(dialled.wrap(fromB)).plainDatagram()).isEqualTo(fromB);
                });
    }

    @Test
    void aSealedChannelNeverAcceptsPlainDatagramsOrShortOnes() {
        SleeveChannel sealed = SleeveChannel.encrypted(B, KEY, false);
        byte[] plain = SleevePacket.encode(A, List.of(new SleeveFrame(A, B, new byte[40])));

        assertThat(sealed.unwrap(plain).ok()).isFalse();
        assertThat(sealed.unwrap(plain).plainDatagram()).isNull();
        assertThat(sealed.unwrap(new byte[SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED - 1]).outcome())
                .isEqualTo(SleeveOpenOutcome.MALFORMED);
    }

    @Test
    void aReplayedSealedDatagramOpensOnlyOnce() {
        SleeveChannel dialler = SleeveChannel.encrypted(A, KEY, true);
        SleeveChannel dialled = SleeveChannel.encrypted(B, KEY, false);
        byte[] wire = dialler.wrap(SleevePacket.encode(A, List.of()));

        assertThat(dialled.unwrap(wire).outcome()).isEqualTo(SleeveOpenOutcome.OK);
        assertThat(dialled.unwrap(wire).outcome()).isEqualTo(SleeveOpenOutcome.REPLAY);
    }

    @Test
    void everyPacketIsSealedOnTheDfPathWithItsOwnCounterBecauseTheDaemonSendsWithDontFragment() {
        SleeveChannel dialler = SleeveChannel.encrypted(A, KEY, true);
        SleeveChannel dialled = SleeveChannel.encrypted(B, KEY, false);

        byte[] first = dialler.wrap(SleevePacket.encode(A, List.of()));
        byte[] second = dialler.wrap(SleevePacket.encode(A, List.of()));

        assertThat(SleeveCrypto.readSeqNoAndDf(first, 0)).isEqualTo(SleeveCrypto.DF_FLAG);
        assertThat(SleeveCrypto.readSeqNoAndDf(second, 0)).isEqualTo(SleeveCrypto.DF_FLAG | 1);
        assertThat(dialled.unwrap(second).ok()).isTrue();
        assertThat(dialled.unwrap(first).ok()).as("the DF window accepts an older, unseen number").isTrue();
    }

    @Test
    void anEncryptedChannelSealsAndOpensWithTheEnginesItIsGiven() {
        List<String> made = new java.util.ArrayList<>();
        SecretBoxEngine.Factory recording = new SecretBoxEngine.Factory() {
            @Override
            public SecretBoxEngine create(byte[] key) {
                made.add("engine");
                return SecretBoxEngine.JAVA.create(key);
            }

            @Override
            public String name() {
                return "recording";
            }
        };
        SleeveChannel dialler = SleeveChannel.encrypted(A, KEY, true, recording);
        SleeveChannel dialled = SleeveChannel.encrypted(B, KEY, false);
        byte[] plain = SleevePacket.encode(A, List.of(new SleeveFrame(A, B, new byte[40])));

        assertThat(made).as("one sealing engine, one opening engine per DF flag").hasSize(3);
        assertThat(dialled.unwrap(dialler.wrap(plain)).plainDatagram()).isEqualTo(plain);
    }

    private static byte[] toBytes(List<Integer> values) {
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (int) values.get(i);
        }
        return out;
    }
}
