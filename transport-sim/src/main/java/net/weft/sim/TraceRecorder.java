package net.weft.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntFunction;
import net.weft.core.input.Input;
import net.weft.core.trace.TraceEvent;

/**
 * Writes the run's event trace, one deterministic line per event (see {@link TraceFormat}), to an
 * {@link Appendable} (or nowhere), and keeps a running hash of all lines so two runs can be compared cheaply.
 */
public final class TraceRecorder implements SimObserver {

    private final Appendable out;
    private final IntFunction<String> peerName;
    private long hash = TraceFormat.fnvStart();
    private long lines;

    /** Records to {@code out} (null: hash only), naming hosts with {@code peerName}. */
    public TraceRecorder(Appendable out, IntFunction<String> peerName) {
        this.out = out;
        this.peerName = peerName;
    }

    @Override
    public void input(long nowNs, int host, Input input) {
        line(TraceFormat.input(nowNs, peerName.apply(host), input));
    }

    @Override
    public void trace(int host, TraceEvent event) {
        line(TraceFormat.trace(peerName.apply(host), event));
    }

    @Override
    public void note(long nowNs, String what) {
        line(TraceFormat.note(nowNs, what));
    }

    private void line(String text) {
        hash = TraceFormat.fnv(hash, text);
        lines++;
        if (out != null) {
            try {
                out.append(text).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Hash of every line so far. */
    public long hash() {
        return hash;
    }

    /** Lines so far. */
    public long lines() {
        return lines;
    }
}
