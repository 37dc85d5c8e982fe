/**
 * A minimal libc binding over jnr-ffi: sockets, file descriptors, ioctl, poll, setns and errno.
 *
 * <p>Nothing here interprets results beyond returning them: each call returns -1 on failure and the
 * reason is read with {@link net.weft.sleeve.host.libc.Libc#errno()} on the same thread, right after
 * the call. {@link net.weft.sleeve.host.libc.Errno} turns the number into the symbolic name and the
 * C library's text used in error messages. Netlink headers and {@code struct pollfd}/{@code struct
 * ifreq} are built by callers in host byte order; the binding only moves bytes.
 */
package net.weft.sleeve.host.libc;
