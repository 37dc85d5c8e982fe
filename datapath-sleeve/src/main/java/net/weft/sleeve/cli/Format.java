package net.weft.sleeve.cli;

import java.util.stream.Collectors;

import net.weft.sleeve.host.weft.Attachment;

/** How the commands print an attachment: {@code NAMESPACE MAC ADDRESS...}, one line, like {@code weave ps}. */
final class Format {

    private static final String UNKNOWN = "?";

    private Format() {
    }

    static String attachment(Attachment a) {
        String addresses = a.addresses().stream().map(Object::toString).collect(Collectors.joining(" "));
        return a.namespace().orElse(UNKNOWN + "(" + a.hostEnd() + ")") + " "
                + a.mac().map(Object::toString).orElse(UNKNOWN)
                + (addresses.isEmpty() ? "" : " " + addresses);
    }
}
