package net.weft.sleeve.host.udp;

import java.net.InetSocketAddress;
import java.util.Objects;

import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import net.weft.sleeve.host.libc.Libc;

/**
 * Native memory for up to {@link #capacity()} datagrams of at most {@link #maxBytes()} bytes each, laid out
 * as the arrays {@code recvmmsg(2)}/{@code sendmmsg(2)} take: one {@code struct mmsghdr} per slot, each
 * pointing at its own {@code struct iovec}, sockaddr slot and data buffer. Everything is allocated (and
 * the pointers wired) once in the constructor; receiving, adding, reading lengths and copying out write
 * or read that memory in place and allocate nothing.
 *
 * <p>A batch is either the result of the last {@link UdpSocket#receive} (entries {@code 0..count()-1}
 * are received datagrams) or a send list being built with {@link #add} for {@link UdpSocket#send}.
 * Not thread-safe: one batch per thread. After {@link #close()} every method but {@code close} throws
 * {@link IllegalStateException} (the memory is gone).
 *
 * <p>x86-64 layouts used: {@code struct mmsghdr} is 64 bytes, a {@code struct msghdr} (name pointer @0,
 * name length @8, iovec pointer @16, iovec count @24, control @32/@40, flags @48) then {@code msg_len}
 * @56; {@code struct iovec} is 16 bytes (base @0, length @8).
 */
public final class DatagramBatch implements AutoCloseable {

    /** The largest datagram a slot may hold: the UDP payload limit over IPv4. */
    public static final int MAX_DATAGRAM_BYTES = 65_507;
    /** The most slots a batch may have; {@code UIO_MAXIOV}, the kernel's limit for one mmsg call. */
    public static final int MAX_CAPACITY = 1024;
    static final int MMSGHDR_BYTES = 64;
    private static final int NAME_POINTER_OFFSET = 0;
    private static final int NAME_LENGTH_OFFSET = 8;
    private static final int IOV_POINTER_OFFSET = 16;
    private static final int IOV_COUNT_OFFSET = 24;
    private static final int FLAGS_OFFSET = 48;
    private static final int MSG_LEN_OFFSET = 56;
    private static final int IOVEC_BYTES = 16;
    private static final int IOV_LENGTH_OFFSET = 8;
    /** A sockaddr_in6 (28 bytes) rounded up to keep slots 8-byte aligned. */
    private static final int NAME_SLOT_BYTES = 32;
    private static final int POLLFD_BYTES = 8;
    private static final int ALIGNMENT = 8;
    /** {@code MSG_TRUNC} in {@code msg_flags}: the datagram was longer than the buffer. */
    private static final int MSG_TRUNC = 0x20;

    private final int capacity;
    private final int maxBytes;
    private final long iovecsOffset;
    private final long namesOffset;
    private final long pollFdOffset;
    private final long buffersOffset;
    private final long bufferStride;
    private final Pointer memory;
    private long base;
    private int count;
    /** Slots 0..dirty-1 may have a name length or iovec length other than the receive defaults. */
    private int dirty;

    /**
     * Allocates the native memory for {@code capacity} slots of {@code maxBytes} each.
     *
     * @throws IllegalArgumentException if capacity is outside 1..{@link #MAX_CAPACITY} or maxBytes outside
     *                                  1..{@link #MAX_DATAGRAM_BYTES}
     */
    public DatagramBatch(int capacity, int maxBytes) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("batch capacity must be 1.." + MAX_CAPACITY + ": " + capacity);
        }
        if (maxBytes < 1 || maxBytes > MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException("datagram size must be 1.." + MAX_DATAGRAM_BYTES + ": " + maxBytes);
        }
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        iovecsOffset = (long) capacity * MMSGHDR_BYTES;
        namesOffset = iovecsOffset + (long) capacity * IOVEC_BYTES;
        pollFdOffset = namesOffset + (long) capacity * NAME_SLOT_BYTES;
        buffersOffset = pollFdOffset + POLLFD_BYTES;
        bufferStride = (maxBytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        long size = buffersOffset + capacity * bufferStride;
        base = Libc.api().calloc(1, size);
        if (base == 0) {
            throw new OutOfMemoryError("cannot allocate " + size + " bytes of native memory for a datagram batch");
        }
        memory = Runtime.getRuntime(Libc.api()).getMemoryManager().newPointer(base, size);
        for (int i = 0; i < capacity; i++) {
            long header = headerOffset(i);
            memory.putAddress(header + NAME_POINTER_OFFSET, base + namesOffset + (long) i * NAME_SLOT_BYTES);
            memory.putAddress(header + IOV_POINTER_OFFSET, base + iovecOffset(i));
            memory.putLong(header + IOV_COUNT_OFFSET, 1);
            memory.putAddress(iovecOffset(i), base + bufferOffset(i));
        }
        dirty = capacity;
        prepareForReceive();
    }

    /** How many datagrams the batch holds at most. */
    public int capacity() {
        return capacity;
    }

    /** The largest datagram a slot holds; longer received datagrams are cut and flagged {@link #truncated}. */
    public int maxBytes() {
        return maxBytes;
    }

    /** Datagrams received by the last receive, or added since the last {@link #clear()}. */
    public int count() {
        requireOpen();
        return count;
    }

    /** Bytes received in (or added to) slot {@code i}; at most {@link #maxBytes()}. */
    public int length(int i) {
        checkEntry(i);
        return memory.getInt(headerOffset(i) + MSG_LEN_OFFSET);
    }

    /** Whether received datagram {@code i} was longer than {@link #maxBytes()} and so was cut. */
    public boolean truncated(int i) {
        checkEntry(i);
        return (memory.getInt(headerOffset(i) + FLAGS_OFFSET) & MSG_TRUNC) != 0;
    }

    /**
     * Copies {@code length} bytes of datagram {@code i}, starting at {@code srcOffset} within it, into
     * {@code dst}.
     *
     * @throws IndexOutOfBoundsException if the range is outside the datagram or outside {@code dst}
     */
    public void copyOut(int i, int srcOffset, byte[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(srcOffset, length, length(i));
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        memory.get(bufferOffset(i) + srcOffset, dst, dstOffset, length);
    }

    /** A fresh copy of datagram {@code i} (allocates; for slow paths and tests). */
    public byte[] bytes(int i) {
        byte[] copy = new byte[length(i)];
        copyOut(i, 0, copy, 0, copy.length);
        return copy;
    }

    /** Who sent datagram {@code i} (allocates; slow path only). An IPv4-mapped sender is plain IPv4. */
    public InetSocketAddress sender(int i) {
        checkEntry(i);
        int length = Math.min(memory.getInt(headerOffset(i) + NAME_LENGTH_OFFSET), NAME_SLOT_BYTES);
        byte[] sockaddr = new byte[NAME_SLOT_BYTES];
        memory.get(namesOffset + (long) i * NAME_SLOT_BYTES, sockaddr, 0, length);
        return SocketAddresses.decode(sockaddr, length);
    }

    /** The sender of datagram {@code i} as a destination to answer to (allocates; slow path only). */
    public UdpAddress senderAddress(int i) {
        return UdpAddress.of(sender(i));
    }

    /** Empties the batch (count 0) so that it can be filled with {@link #add}. */
    public void clear() {
        requireOpen();
        count = 0;
    }

    /**
     * Copies one datagram to send into the next free slot.
     *
     * @return false, adding nothing, when the batch is full or {@code length > maxBytes()}
     * @throws IndexOutOfBoundsException if the range is outside {@code src}
     */
    public boolean add(UdpAddress to, byte[] src, int offset, int length) {
        requireOpen();
        Objects.checkFromIndexSize(offset, length, src.length);
        if (count == capacity || length > maxBytes) {
            return false;
        }
        int i = count;
        long header = headerOffset(i);
        memory.put(namesOffset + (long) i * NAME_SLOT_BYTES, to.sockaddr(), 0, to.sockaddrLength());
        memory.putInt(header + NAME_LENGTH_OFFSET, to.sockaddrLength());
        memory.putLong(iovecOffset(i) + IOV_LENGTH_OFFSET, length);
        memory.putInt(header + MSG_LEN_OFFSET, length);
        memory.putInt(header + FLAGS_OFFSET, 0);
        memory.put(bufferOffset(i), src, offset, length);
        count = i + 1;
        dirty = Math.max(dirty, count);
        return true;
    }

    /** Frees the native memory. Idempotent. */
    @Override
    public void close() {
        long old = base;
        base = 0;
        count = 0;
        if (old != 0) {
            Libc.api().free(old);
        }
    }

    /** Address of slot {@code i}'s {@code struct mmsghdr}, for the mmsg calls. */
    long headerAddress(int i) {
        return requireOpen() + headerOffset(i);
    }

    /** Address of this batch's own {@code struct pollfd} (so that waiting allocates nothing). */
    long pollFdAddress() {
        return requireOpen() + pollFdOffset;
    }

    /** The batch's memory, for filling the pollfd. */
    Pointer memory() {
        requireOpen();
        return memory;
    }

    /** Offset of the pollfd within {@link #memory()}. */
    long pollFdOffset() {
        return pollFdOffset;
    }

    /** Restores the receive defaults (full sockaddr room, full buffer) in every slot touched since. */
    void prepareForReceive() {
        requireOpen();
        for (int i = 0; i < dirty; i++) {
            memory.putInt(headerOffset(i) + NAME_LENGTH_OFFSET, NAME_SLOT_BYTES);
            memory.putLong(iovecOffset(i) + IOV_LENGTH_OFFSET, maxBytes);
        }
        dirty = 0;
        count = 0;
    }

    /** Records that a receive filled slots {@code 0..received-1} (the kernel rewrote their name lengths). */
    void received(int received) {
        count = received;
        dirty = received;
    }

    private long requireOpen() {
        long current = base;
        if (current == 0) {
            throw new IllegalStateException("datagram batch is closed");
        }
        return current;
    }

    private void checkEntry(int i) {
        requireOpen();
        Objects.checkIndex(i, count);
    }

    private static long headerOffset(int i) {
        return (long) i * MMSGHDR_BYTES;
    }

    private long iovecOffset(int i) {
        return iovecsOffset + (long) i * IOVEC_BYTES;
    }

    private long bufferOffset(int i) {
        return buffersOffset + i * bufferStride;
    }
}
