/**
 * The TAP capture/injection port: a kernel Ethernet interface on Weft's bridge whose other end is a
 * file descriptor in this process.
 *
 * <p>Opening {@code /dev/net/tun} and issuing {@code TUNSETIFF} with {@code IFF_TAP|IFF_NO_PI} creates
 * the interface; one {@code read(2)} returns exactly one Ethernet frame the bridge sent to the port, and
 * one {@code write(2)} injects exactly one frame into the bridge as if it came from the wire. The
 * interface lives as long as the descriptor. Frames are plain Ethernet (destination MAC first), in
 * network byte order, with no prefix.
 *
 * <p>Offload mode adds {@code IFF_VNET_HDR}: {@code TUNSETVNETHDRSZ} fixes the prefix at the 10-byte
 * {@code struct virtio_net_hdr} and {@code TUNSETOFFLOAD(TUN_F_CSUM|TUN_F_TSO4|TUN_F_TSO6)} tells the
 * kernel this end completes checksums and accepts TCP segmentation. The kernel then stops segmenting
 * TCP for the port and stops computing checksums for it: one read may return a 64 KB TCP super-frame
 * instead of ~45 frames, and one write may inject one. The header format and the two pure transforms
 * between super-frames and wire frames live in {@link net.weft.sleeve.host.offload}.
 */
package net.weft.sleeve.host.tap;
