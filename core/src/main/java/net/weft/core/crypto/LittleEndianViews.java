package net.weft.core.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Views of byte arrays as little-endian {@code int} and {@code long} words at any byte offset, so the ciphers
 * read and write four or eight bytes per access instead of assembling them from single bytes. Plain (non-atomic)
 * access through these handles needs no alignment; the JIT turns each access into one load or store.
 */
final class LittleEndianViews {

    /** {@code (int) INTS.get(bytes, offset)} reads a little-endian int; {@code set} writes one. */
    static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** {@code (long) LONGS.get(bytes, offset)} reads a little-endian long; {@code set} writes one. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndianViews() {
    }
}
