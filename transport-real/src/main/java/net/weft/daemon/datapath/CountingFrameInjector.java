package net.weft.daemon.datapath;

import java.util.concurrent.atomic.AtomicLong;

/** The default injector while no bridge is attached: counts frames and bytes, delivers nothing. */
public final class CountingFrameInjector implements FrameInjector {

    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    @Override
    public void inject(byte[] frame) {
        frames.incrementAndGet();
        bytes.addAndGet(frame.length);
    }

    /** Frames received so far. */
    public long frames() {
        return frames.get();
    }

    /** Bytes received so far. */
    public long bytes() {
        return bytes.get();
    }
}
