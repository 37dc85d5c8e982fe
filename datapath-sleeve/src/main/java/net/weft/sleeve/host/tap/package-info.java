/**
 * The TAP capture/injection port: a kernel Ethernet interface on Weft's bridge whose other end is a
 * file descriptor in this process.
 *
 * <p>Opening {@code /dev/net/tun} and issuing {@code TUNSETIFF} with {@code IFF_TAP|IFF_NO_PI} creates
 * the interface; one {@code read(2)} returns exactly one Ethernet frame the bridge sent to the port, and
 * one {@code write(2)} injects exactly one frame into the bridge as if it came from the wire. The
 * interface lives as long as the descriptor. Frames are plain Ethernet (destination MAC first), in
 * network byte order, with no prefix.
 */
package net.weft.sleeve.host.tap;
