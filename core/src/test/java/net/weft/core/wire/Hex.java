package net.weft.core.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Test helper: hex strings and the captured vectors under src/test/resources/weave-wire. */
public final class Hex {

    private Hex() {
    }

    /** Bytes from hex text; whitespace is ignored. */
    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /** Lower-case hex without separators. */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A resource file of hex lines; lines starting with '#' are comments. */
    public static byte[] resource(String name) {
        try (InputStream in = Hex.class.getResourceAsStream("/weave-wire/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + name);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line);
                }
            }
            return bytes(hex.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
