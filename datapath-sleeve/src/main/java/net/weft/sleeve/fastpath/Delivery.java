package net.weft.sleeve.fastpath;

import java.nio.ByteBuffer;
import net.weft.sleeve.host.frame.FramePort;
import net.weft.sleeve.host.offload.GroCoalescer;
import net.weft.sleeve.host.tap.TapWriter;

/**
 * How the receive thread puts frames into the bridge's TAP port. In offload mode the frames of a burst go through
 * a {@link GroCoalescer}: in-order segments of one TCP connection become one super-frame, one write and one pass
 * through the container's TCP stack, written at {@link #flush} (end of every burst). Otherwise each frame is one
 * write. A refused write loses that frame, as a full queue on a wire would, and is counted.
 */
final class Delivery {

    private final FramePort port;
    private final GroCoalescer coalescer;
    private final TapWriter writer;
    private final ByteBuffer direct;
    private long plainFailures;

    Delivery(FramePort port, boolean offload) {
        this.port = port;
        this.writer = offload ? new TapWriter(port) : null;
        this.coalescer = offload ? new GroCoalescer(writer) : null;
        this.direct = offload ? null : ByteBuffer.allocateDirect(FramePort.MAX_FRAME_BYTES);
    }

    /** Delivers the frame {@code buf[offset, offset + length)} (copied before returning). */
    void deliver(byte[] buf, int offset, int length) {
        if (coalescer != null) {
            coalescer.add(buf, offset, length);
            return;
        }
        direct.clear();
        direct.put(buf, offset, length).flip();
        try {
            port.writeFrame(direct);
        } catch (RuntimeException refused) {
            plainFailures++;
        }
    }

    /** Writes what the coalescer holds; call at the end of every burst. */
    void flush() {
        if (coalescer != null) {
            coalescer.flush();
        }
    }

    /** Frames the TAP refused so far. */
    long failures() {
        return writer != null ? writer.failures() : plainFailures;
    }
}
