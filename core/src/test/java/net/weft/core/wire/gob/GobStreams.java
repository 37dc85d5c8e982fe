package net.weft.core.wire.gob;

import java.io.ByteArrayOutputStream;
import net.weft.core.wire.Hex;

/** Test helper: hand-written gob streams, one hex string per message (the length prefix is added). */
final class GobStreams {

    private GobStreams() {
    }

    /** Concatenates messages, each prefixed with its length as a gob uint. */
    static byte[] stream(String... messageBodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String hex : messageBodies) {
            byte[] body = Hex.bytes(hex);
            GobWriter length = new GobWriter();
            length.writeUint(body.length);
            out.writeBytes(length.toByteArray());
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** The gob encoding of a signed int, as hex. */
    static String intHex(long v) {
        GobWriter w = new GobWriter();
        w.writeInt(v);
        return Hex.of(w.toByteArray());
    }

    /** The gob encoding of an unsigned int, as hex. */
    static String uintHex(long v) {
        GobWriter w = new GobWriter();
        w.writeUint(v);
        return Hex.of(w.toByteArray());
    }
}
