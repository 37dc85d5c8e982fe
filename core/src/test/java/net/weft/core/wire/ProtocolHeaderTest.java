package net.weft.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtocolHeaderTest {

    @Test
    void headerIsWeaveThenMinAndMax() {
        assertThat(ProtocolHeader.encode(1, 2)).containsExactly('w', 'e', 'a', 'v', 'e', 1, 2);
        assertThat(ProtocolHeader.parse(ProtocolHeader.encode(2, 255)).value()).isEqualTo(new VersionRange(2, 255));
    }

    @Test
    void anotherProtocolNameIsNotRecognised() {
        assertThat(ProtocolHeader.parse(new byte[] {'W', 'e', 'a', 'v', 'e', 1, 2}).reason())
                .isEqualTo("remote protocol header not recognised: [87, 101, 97, 118, 101]");
        assertThat(ProtocolHeader.parse(new byte[] {'w', 'e', 'a', 'v', 'e', 1}).reason())
                .isEqualTo("protocol header must be 7 bytes, got 6");
        assertThat(ProtocolHeader.parse(null).reason()).isEqualTo("protocol header must be 7 bytes, got 0");
    }

    @Test
    void negotiationPicksTheLowerMaximumIfTheRangesOverlap() {
        assertThat(ProtocolHeader.negotiate(VersionRange.WEAVE, new VersionRange(1, 2)).value()).isEqualTo(2);
        assertThat(ProtocolHeader.negotiate(new VersionRange(2, 2), VersionRange.WEAVE).value()).isEqualTo(2);
        assertThat(ProtocolHeader.negotiate(VersionRange.WEAVE, new VersionRange(1, 1)).value()).isEqualTo(1);
        assertThat(ProtocolHeader.negotiate(VersionRange.WEAVE, new VersionRange(2, 9)).value()).isEqualTo(2);
    }

    @Test
    void disjointRangesAreIncompatible() {
        assertThat(ProtocolHeader.negotiate(new VersionRange(2, 2), new VersionRange(1, 1)).reason())
                .isEqualTo("remote version range [1,1] is incompatible with ours [2,2]");
        assertThat(ProtocolHeader.negotiate(VersionRange.WEAVE, new VersionRange(3, 4)).reason())
                .isEqualTo("remote version range [3,4] is incompatible with ours [1,2]");
    }

    @Test
    void tagsMapToTheirCodes() {
        for (ProtocolTag tag : ProtocolTag.values()) {
            assertThat(ProtocolTag.of(tag.code())).contains(tag);
        }
        assertThat(ProtocolTag.GOSSIP_BROADCAST.code()).isEqualTo(6);
        assertThat(ProtocolTag.of(8)).isEqualTo(Optional.empty());
        assertThat(ProtocolTag.of(-1)).isEmpty();
    }
}
