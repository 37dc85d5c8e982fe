package net.weft.daemon.render;

/** Left-justified padding, as Go's {@code %-Nv}. */
final class Pad {

    private Pad() {
    }

    /** {@code text} followed by spaces up to {@code width} characters; longer text is left as is. */
    static String right(String text, int width) {
        if (text.length() >= width) {
            return text;
        }
        return text + " ".repeat(width - text.length());
    }
}
