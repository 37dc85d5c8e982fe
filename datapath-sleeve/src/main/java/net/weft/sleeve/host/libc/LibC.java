package net.weft.sleeve.host.libc;

import java.nio.ByteBuffer;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The few libc calls the host plumbing needs, bound through jnr-ffi. Obtain the loaded binding from
 * {@link Libc#api()}; every call returns -1 on failure and leaves the reason in errno
 * ({@link Libc#errno()}).
 *
 * <p>Byte arrays are copied in and/or out around the call (their direction is annotated); direct
 * {@link ByteBuffer}s are passed by address with no copy and are meant for the per-frame TAP path.
 * Parameters typed {@code @intptr_t long} are raw addresses of native memory the caller owns (from
 * {@link #calloc}); they let the batched UDP path pass an offset into one allocation without building a
 * pointer object per call.
 */
public interface LibC {

    /** {@code socket(2)}. */
    int socket(int domain, int type, int protocol);

    /** {@code bind(2)} with the socket address already encoded in host byte order. */
    int bind(int fd, @In byte[] address, int addressLength);

    /** {@code send(2)}. */
    @ssize_t long send(int fd, @In byte[] buffer, @size_t long length, int flags);

    /** {@code recv(2)}. */
    @ssize_t long recv(int fd, @Out byte[] buffer, @size_t long length, int flags);

    /** {@code connect(2)} with the socket address already encoded in host byte order. */
    int connect(int fd, @In byte[] address, int addressLength);

    /** {@code setsockopt(2)} with an int-sized option value. */
    int setsockopt(int fd, int level, int option, @In byte[] value, int valueLength);

    /** {@code getsockopt(2)}; {@code valueLength} is the in/out {@code socklen_t}. */
    int getsockopt(int fd, int level, int option, @Out byte[] value, @In @Out int[] valueLength);

    /** {@code close(2)}. */
    int close(int fd);

    /** {@code open(2)} without a mode (never creates files). */
    int open(String path, int flags);

    /** {@code ioctl(2)} with a pointer argument; variadic in C, but a fixed signature is safe on x86-64. */
    int ioctl(int fd, long request, @In @Out byte[] argument);

    /** {@code ioctl(2)} with an integer argument passed by value (e.g. {@code TUNSETOFFLOAD}'s flag word). */
    int ioctl(int fd, long request, long argument);

    /** {@code setns(2)}: moves the calling thread into the namespace behind {@code fd}. */
    int setns(int fd, int namespaceType);

    /** {@code poll(2)} over an array of 8-byte {@code struct pollfd} in host byte order. */
    int poll(@In @Out byte[] pollFds, long count, int timeoutMs);

    /** {@code read(2)} into a copied array. */
    @ssize_t long read(int fd, @Out byte[] buffer, @size_t long length);

    /** {@code read(2)} straight into a direct buffer at its start (the caller adds the position). */
    @ssize_t long read(int fd, @Out ByteBuffer buffer, @size_t long length);

    /** {@code write(2)} from a copied array. */
    @ssize_t long write(int fd, @In byte[] buffer, @size_t long length);

    /** {@code write(2)} straight from a direct buffer. */
    @ssize_t long write(int fd, @In ByteBuffer buffer, @size_t long length);

    /** {@code strerror(3)}: the C library's text for an errno value. */
    String strerror(int errno);

    /** {@code sendto(2)} from a heap or direct buffer's remaining bytes to an encoded socket address. */
    @ssize_t long sendto(int fd, @In ByteBuffer buffer, @size_t long length, int flags,
                         @In byte[] address, int addressLength);

    /** {@code sendmmsg(2)} over {@code count} {@code struct mmsghdr} starting at {@code messages}. */
    int sendmmsg(int fd, @intptr_t long messages, int count, int flags);

    /** {@code recvmmsg(2)}; {@code timeout} is the address of a {@code struct timespec}, or 0 for none. */
    int recvmmsg(int fd, @intptr_t long messages, int count, int flags, @intptr_t long timeout);

    /** {@code getsockname(2)}; {@code addressLength} is the in/out {@code socklen_t}. */
    int getsockname(int fd, @Out byte[] address, @In @Out int[] addressLength);

    /** {@code shutdown(2)}; on a UDP socket it wakes threads polling it (they see POLLHUP). */
    int shutdown(int fd, int how);

    /** {@code poll(2)} over {@code struct pollfd}s in native memory the caller owns (no copy). */
    int poll(@intptr_t long pollFds, long count, int timeoutMs);

    /** {@code calloc(3)}: zeroed native memory, released only by {@link #free}; 0 when out of memory. */
    @intptr_t long calloc(@size_t long count, @size_t long size);

    /** {@code free(3)}. */
    void free(@intptr_t long memory);
}
