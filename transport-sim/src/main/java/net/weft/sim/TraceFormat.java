package net.weft.sim;

import net.weft.core.input.Input;
import net.weft.core.trace.TraceEvent;

/**
 * The deterministic one-line text of everything that happens in a run: inputs fed to routers, trace
 * events they report, and the simulator's own notes. Byte payloads are shown as length and a 64-bit FNV-1a
 * hash, so two runs compare line by line.
 */
public final class TraceFormat {

    private static final long FNV_OFFSET = 0xcbf2_9ce4_8422_2325L;
    private static final long FNV_PRIME = 0x100_0000_01b3L;
    private static final long NS_PER_S = 1_000_000_000L;

    private TraceFormat() {
    }

    /** Virtual time as seconds with nanosecond digits, e.g. {@code 12.000345678}. */
    public static String time(long ns) {
        return (ns / NS_PER_S) + "." + String.format("%09d", ns % NS_PER_S);
    }

    /** FNV-1a of a byte array. */
    public static long fnv(byte[] bytes) {
        long h = FNV_OFFSET;
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** Folds a string into a running FNV-1a hash. */
    public static long fnv(long h, String s) {
        long x = h;
        for (int i = 0; i < s.length(); i++) {
            x ^= s.charAt(i);
            x *= FNV_PRIME;
        }
        x ^= '\n';
        return x * FNV_PRIME;
    }

    /** Initial value for {@link #fnv(long, String)}. */
    public static long fnvStart() {
        return FNV_OFFSET;
    }

    /** A line for an input fed to {@code peer}. */
    public static String input(long nowNs, String peer, Input in) {
        return time(nowNs) + " " + peer + " in " + describe(in);
    }

    /** A line for a trace event reported by {@code peer}. */
    public static String trace(String peer, TraceEvent e) {
        return time(e.atNs()) + " " + peer + " trace " + e;
    }

    /** A line for a simulator note. */
    public static String note(long nowNs, String what) {
        return time(nowNs) + " sim " + what;
    }

    /** Text of an input, with payloads summarised. */
    public static String describe(Input in) {
        if (in instanceof Input.BytesReceived) {
            Input.BytesReceived b = (Input.BytesReceived) in;
            return "BytesReceived " + b.id() + " " + payload(b.bytes());
        } else if (in instanceof Input.DatagramReceived) {
            Input.DatagramReceived d = (Input.DatagramReceived) in;
            return "DatagramReceived " + d.from() + " " + payload(d.payload());
        } else if (in instanceof Input.FrameCaptured) {
            return "FrameCaptured " + payload(((Input.FrameCaptured) in).frame());
        } else if (in instanceof Input.Tick) {
            return "Tick";
        }
        return in.toString();
    }

    private static String payload(byte[] bytes) {
        return bytes.length + "B#" + Long.toHexString(fnv(bytes));
    }
}
