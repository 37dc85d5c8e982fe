package net.weft.daemon.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the captured outputs of a real Weave 2.8.1 mesh (test resources weave-wire/*.txt) by request path. */
final class Captures {

    private Captures() {
    }

    /** The body printed for each {@code curl .../path} in the capture file, keyed by path. */
    static Map<String, String> sections(String resource) {
        String text = read(resource);
        Map<String, String> out = new LinkedHashMap<>();
        String path = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("# ")) {
                if (path != null) {
                    out.put(path, trimSeparator(body.toString()));
                }
                path = line.substring(line.indexOf("6784") + 4);
                body.setLength(0);
            } else if (path != null) {
                body.append(line).append('\n');
            }
        }
        if (path != null) {
            out.put(path, trimSeparator(body.toString()));
        }
        return out;
    }

    static String read(String resource) {
        try (InputStream in = Captures.class.getResourceAsStream("/weave-wire/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The capture script separates outputs with one blank line and the file ends with an extra newline. */
    private static String trimSeparator(String body) {
        String b = body;
        while (b.endsWith("\n\n")) {
            b = b.substring(0, b.length() - 1);
        }
        return b.equals("\n") ? "" : b;
    }
}
