package net.weft.core.wire.gob;

import net.weft.core.wire.ParseResult;

/** Test helper: skips values until the stream ends or is rejected; returns how many were read. */
public final class ParseAll {

    private ParseAll() {
    }

    /** Skips every value; the loop ends because each successful skip consumes at least one byte. */
    public static int skipAll(GobDecoder decoder) {
        int values = 0;
        while (!decoder.atEnd()) {
            ParseResult<Integer> r = decoder.skipNext();
            if (!r.isOk()) {
                return values;
            }
            values++;
        }
        return values;
    }
}
