package net.weft.sleeve.host.offload;

/**
 * Where the splitter and the coalescer put their output: one call per frame (or per header+frame for a
 * TAP write). The bytes are valid only during the call; the producer reuses its buffer afterwards.
 */
@FunctionalInterface
public interface FrameSink {

    /** Takes {@code buf[off, off + len)}; copy it to keep it. */
    void frame(byte[] buf, int off, int len);
}
