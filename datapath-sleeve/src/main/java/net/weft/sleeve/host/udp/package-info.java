/**
 * The sleeve's UDP socket, built for batches: {@link net.weft.sleeve.host.udp.UdpSocket} moves up to a
 * {@link net.weft.sleeve.host.udp.DatagramBatch}'s capacity of datagrams per system call with
 * {@code recvmmsg(2)}/{@code sendmmsg(2)}, bound through jnr-ffi.
 *
 * <p>Theory of operation. A {@code DatagramBatch} is one native allocation holding, per slot, a
 * {@code struct mmsghdr} whose {@code msghdr} points at the slot's own {@code struct iovec} (one buffer of
 * {@code maxBytes}) and sockaddr room; the pointers are wired once at construction, so receiving and
 * sending only rewrite lengths. Receiving resets the name and buffer lengths the last use changed, then
 * calls {@code recvmmsg} with {@code MSG_DONTWAIT}; only when nothing is waiting does it {@code poll(2)}
 * (on a pollfd inside the batch) and try again. The kernel fills each slot's data, sender sockaddr,
 * {@code msg_len} and {@code msg_flags} ({@code MSG_TRUNC} when the datagram was longer than the
 * buffer), which the batch reads back in place. Sending fills slots with {@link
 * net.weft.sleeve.host.udp.DatagramBatch#add} (copying the datagram and a pre-encoded
 * {@link net.weft.sleeve.host.udp.UdpAddress}) and hands them to {@code sendmmsg}, which may accept only
 * a prefix: the socket resumes after it, skips (and counts) a datagram the kernel refuses, and waits a
 * bounded time on a full send buffer. A lost datagram is what UDP promises anyway, so per-datagram errors
 * are counted, never thrown; only errors that say the socket itself is broken throw
 * {@link net.weft.sleeve.host.HostNetworkException}.
 *
 * <p>Closing a socket first {@code shutdown(2)}s it, which wakes a thread blocked in {@code poll}, then
 * closes the descriptor. Sockets are IPv4, or dual-stack IPv6: an IPv4 destination stays a
 * {@code sockaddr_in}, which Linux accepts on a dual-stack socket, and an IPv4 sender seen through one
 * ({@code ::ffff:a.b.c.d}) is reported as the plain IPv4 address.
 */
package net.weft.sleeve.host.udp;
