package net.weft.core.overlay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** Loads golden byte vectors stored as commented hex under {@code src/test/resources/weave-wire/}. */
final class WireHex {

    private WireHex() {
    }

    /** The bytes of a resource file: '#' lines are notes, the rest is whitespace-separated hex. */
    static byte[] load(String name) {
        try (InputStream in = WireHex.class.getResourceAsStream("/weave-wire/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.replaceAll("\\s", ""));
                }
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored prefix padded with zeros to the full captured length. */
    static byte[] loadPadded(String name, int fullLength) {
        return Arrays.copyOf(load(name), fullLength);
    }
}
