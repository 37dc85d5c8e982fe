package net.weft.core.wire;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import net.weft.core.id.PeerName;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators shared by the wire and gob property tests. */
public final class WireGenerators {

    /** Unsigned values at the encoding's edges. */
    public static final List<Long> UINT_EDGES = List.of(0L, 1L, 127L, 128L, 255L, 256L, 65535L, 65536L,
            PeerName.MASK, 1L << 62, Long.MAX_VALUE, 1L << 63, -2L, -1L);
    /** Signed values at the encoding's edges. */
    public static final List<Long> INT_EDGES = List.of(0L, 1L, -1L, 63L, 64L, -64L, -65L, 127L, -128L, -129L,
            Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1);

    private static final int SURROGATES_START = 0xD800;
    private static final int SURROGATES_COUNT = 0x800;

    private WireGenerators() {
    }

    /** Any 64-bit pattern read as unsigned, edges often. */
    public static Gen<Long> uints() {
        return Generate.pick(UINT_EDGES).mix(longs().all(), 60);
    }

    /** Any signed long, edges often. */
    public static Gen<Long> ints() {
        return Generate.pick(INT_EDGES).mix(longs().all(), 60);
    }

    /** Strings of any Unicode scalar values (no lone surrogates), often non-ASCII. */
    public static Gen<String> strings(int maxLength) {
        Gen<Integer> codePoint = integers().between(0, 0x10FFFF - SURROGATES_COUNT)
                .map(cp -> cp >= SURROGATES_START ? cp + SURROGATES_COUNT : cp)
                .mix(integers().between(0x20, 0x7E), 50);
        return lists().of(codePoint).ofSizeBetween(0, maxLength).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    /** Byte arrays of any content. */
    public static Gen<byte[]> bytes(int maxLength) {
        return Generate.byteArrays(integers().between(0, maxLength),
                Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    /** Peer names over the whole 48-bit range. */
    public static Gen<PeerName> peerNames() {
        return longs().between(0, PeerName.MASK).map(PeerName::new);
    }

    /** Connection summaries with any field values. */
    public static Gen<ConnectionSummary> connections() {
        return peerNames().zip(strings(24), booleans().all(), booleans().all(), ConnectionSummary::new);
    }

    /** Peer summaries with any field values the wire can carry. */
    public static Gen<PeerSummary> peerSummaries() {
        Gen<List<ConnectionSummary>> conns = lists().of(connections()).ofSizeBetween(0, 4);
        Gen<long[]> numbers = uints().zip(uints(), integers().between(0, 0xFFFF),
                (uid, version, shortId) -> new long[] {uid, version, shortId});
        return peerNames().zip(strings(12), numbers, booleans().all(), conns,
                (name, nick, n, hasShortId, cs) -> new PeerSummary(name, nick, n[0], n[1], (int) n[2], hasShortId, cs));
    }

    /** Whole topology payload contents. */
    public static Gen<List<PeerSummary>> topologies() {
        return lists().of(peerSummaries()).ofSizeBetween(0, 6);
    }
}
