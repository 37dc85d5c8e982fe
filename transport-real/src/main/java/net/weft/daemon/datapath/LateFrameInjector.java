package net.weft.daemon.datapath;

import java.util.Objects;

/**
 * An injector whose target is plugged in after the daemon starts: the bridge's MAC is the peer name, which is
 * known only once the daemon has chosen it. Until then (or with {@code --no-datapath}) frames go to the
 * initial target.
 */
public final class LateFrameInjector implements FrameInjector {

    private volatile FrameInjector target;

    /** Starts delivering to {@code initial}. */
    public LateFrameInjector(FrameInjector initial) {
        this.target = Objects.requireNonNull(initial);
    }

    /** From now on, frames go to {@code next}. */
    public void plug(FrameInjector next) {
        this.target = Objects.requireNonNull(next);
    }

    @Override
    public void inject(byte[] frame) {
        target.inject(frame);
    }
}
