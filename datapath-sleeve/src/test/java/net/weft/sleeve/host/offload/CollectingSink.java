package net.weft.sleeve.host.offload;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps a copy of every frame a splitter or coalescer emits, and reads their TCP fields. */
final class CollectingSink implements FrameSink {

    final List<byte[]> frames = new ArrayList<>();

    @Override
    public void frame(byte[] buf, int off, int len) {
        frames.add(Arrays.copyOfRange(buf, off, off + len));
    }

    static boolean ipv6(byte[] f) {
        return (ByteBuffer.wrap(f).getShort(12) & 0xFFFF) == 0x86DD;
    }

    static int tcpOffset(byte[] f) {
        return 14 + (ipv6(f) ? 40 : (f[14] & 0xF) * 4);
    }

    static long seq(byte[] f) {
        return ByteBuffer.wrap(f).getInt(tcpOffset(f) + 4) & 0xFFFFFFFFL;
    }

    static int tcpFlags(byte[] f) {
        return f[tcpOffset(f) + 13] & 0xFF;
    }

    static int ipId(byte[] f) {
        return ByteBuffer.wrap(f).getShort(14 + 4) & 0xFFFF;
    }

    static int payloadOffset(byte[] f) {
        return tcpOffset(f) + ((f[tcpOffset(f) + 12] & 0xFF) >>> 4) * 4;
    }

    /** The TCP payloads of all collected frames, concatenated. */
    byte[] payloads() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            all.write(f, payloadOffset(f), f.length - payloadOffset(f));
        }
        return all.toByteArray();
    }
}
