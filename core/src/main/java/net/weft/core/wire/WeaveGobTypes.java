package net.weft.core.wire;

import static net.weft.core.wire.gob.PredefinedType.BOOL;
import static net.weft.core.wire.gob.PredefinedType.BYTES;
import static net.weft.core.wire.gob.PredefinedType.STRING;
import static net.weft.core.wire.gob.PredefinedType.UINT;
import static net.weft.core.wire.gob.StructType.field;

import java.util.List;
import net.weft.core.wire.gob.MapType;
import net.weft.core.wire.gob.SliceType;
import net.weft.core.wire.gob.StructType;

/**
 * The gob types of Weave's control plane, with the type ids a Weave 2.8.1 router uses for them.
 *
 * <p>Go numbers user types once per process, in the order the process first encodes them, so the ids are
 * not a property of the protocol: receivers read them from each stream. We reuse the ids captured from a
 * real router (features map 66, then peerSummary 67, connectionSummary 68 and []connectionSummary 69)
 * only so that our bytes equal Weave's for the same content, which makes captures easy to compare.
 */
final class WeaveGobTypes {

    /** {@code map[string]string}: the features exchanged in the handshake. */
    static final MapType FEATURES = MapType.of(66, STRING, STRING);

    /** mesh's {@code peerSummary}: field names and order as Weave declares them. */
    static final StructType PEER_SUMMARY = new StructType(67, "peerSummary", List.of(
            field("NameByte", BYTES),
            field("NickName", STRING),
            field("UID", UINT),
            field("Version", UINT),
            field("ShortID", UINT),
            field("HasShortID", BOOL)));

    /** mesh's {@code connectionSummary}. */
    static final StructType CONNECTION_SUMMARY = new StructType(68, "connectionSummary", List.of(
            field("NameByte", BYTES),
            field("RemoteTCPAddr", STRING),
            field("Outbound", BOOL),
            field("Established", BOOL)));

    /** {@code []connectionSummary}, the value that follows each peerSummary. */
    static final SliceType CONNECTIONS = SliceType.of(69, CONNECTION_SUMMARY);

    private WeaveGobTypes() {
    }
}
