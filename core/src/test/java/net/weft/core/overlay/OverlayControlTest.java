package net.weft.core.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverlayControlTest {

    @Test
    void bodiesShorterThanIndexAndSubTagAreRejected() {
        assertThat(OverlayControl.decode(new byte[0]).isOk()).isFalse();
        assertThat(OverlayControl.decode(new byte[1]).reason()).contains("shorter than 2 bytes");
        assertThat(OverlayControl.decode(null).isOk()).isFalse();
    }

    @Test
    void indexAndSubTagAreUnsignedBytes() {
        OverlayControl c = OverlayControl.decode(new byte[] {(byte) 0xff, (byte) 0x80, 7}).value();
        assertThat(c).isEqualTo(new OverlayControl(255, 128, new byte[] {7}));
        assertThat(c.encode()).isEqualTo(new byte[] {(byte) 0xff, (byte) 0x80, 7});
    }

    @Test
    void unknownSleeveSubTagsAndWrongPayloadsAreRejected() {
        assertThat(SleeveControl.decode(0, new byte[0]).reason()).isEqualTo("unknown sleeve control message 0");
        assertThat(SleeveControl.decode(4, new byte[0]).isOk()).isFalse();
        assertThat(SleeveControl.decode(1, new byte[1]).isOk()).isFalse();
        assertThat(SleeveControl.decode(2, new byte[2]).isOk()).isFalse();
        assertThat(SleeveControl.decode(3, new byte[1]).reason()).contains("needs 2 payload bytes, got 1");
        assertThat(SleeveControl.decode(3, new byte[3]).isOk()).isFalse();
    }

    @Test
    void sleeveMessagesRoundTrip() {
        for (SleeveControl m : new SleeveControl[] {new SleeveControl.ConnectionEstablished(),
                new SleeveControl.FragmentationReceived(), new SleeveControl.PmtuVerified(65535),
                new SleeveControl.PmtuVerified(0)}) {
            OverlayControl c = OverlayControl.decode(SleeveControl.encode(3, m)).value();
            assertThat(c.overlayIndex()).isEqualTo(3);
            assertThat(SleeveControl.decode(c.subTag(), c.message()).value()).isEqualTo(m);
        }
    }
}
