package net.weft.core.wire.gob;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Content equality and printing for decoded values, which may hold byte arrays at any depth (where
 * {@code equals} would compare identities).
 */
public final class GobValues {

    private GobValues() {
    }

    /**
     * True when two values hold the same content: byte arrays by content, lists element-wise, maps entry-wise
     * in iteration order, structs field-wise.
     */
    public static boolean deepEquals(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof Object[] x && b instanceof Object[] y) {
            return x.length == y.length && allEqual(Arrays.asList(x).iterator(), Arrays.asList(y).iterator());
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return x.size() == y.size() && allEqual(x.iterator(), y.iterator());
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.size() == y.size() && allEqual(x.entrySet().iterator(), y.entrySet().iterator());
        }
        if (a instanceof Map.Entry<?, ?> x && b instanceof Map.Entry<?, ?> y) {
            return deepEquals(x.getKey(), y.getKey()) && deepEquals(x.getValue(), y.getValue());
        }
        return a == null ? b == null : a.equals(b);
    }

    private static boolean allEqual(Iterator<?> xs, Iterator<?> ys) {
        while (xs.hasNext()) {
            if (!deepEquals(xs.next(), ys.next())) {
                return false;
            }
        }
        return true;
    }

    /** A readable form: byte arrays in hex, everything else by its own {@code toString}. */
    public static String toString(Object value) {
        if (value instanceof byte[] bytes) {
            StringBuilder sb = new StringBuilder("0x");
            for (byte b : bytes) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        }
        return String.valueOf(value);
    }
}
