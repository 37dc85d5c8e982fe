/**
 * TAP offloads: moving TCP traffic between the kernel and the sleeve data path as 64 KB super-frames
 * instead of wire-sized frames, the way wireguard-go and Tailscale drive their TUN devices.
 *
 * <p><b>The virtio header.</b> A TAP opened in offload mode ({@link net.weft.sleeve.host.tap.TapDevice})
 * prefixes every frame with a 10-byte {@link net.weft.sleeve.host.offload.VirtioNetHeader}
 * ({@code struct virtio_net_hdr}, little-endian): {@code flags} ({@code NEEDS_CSUM}: the transport
 * checksum from {@code csum_start} to the end is still to be computed and stored at
 * {@code csum_start + csum_offset}, the field holding the pseudo-header sum as a seed;
 * {@code DATA_VALID}: the checksum is known good), {@code gso_type} (NONE, TCPV4, TCPV6, plus the ECN
 * bit), {@code hdr_len} (bytes of headers), {@code gso_size} (payload bytes per segment).
 *
 * <p><b>Reading</b> (bridge to peers): the kernel skips TCP segmentation and checksumming for the port,
 * so one read returns a super-frame (one Ethernet/IP/TCP header, up to 64 KB of payload) or a frame with
 * its checksum left open. Peers must receive ordinary wire frames, so
 * {@link net.weft.sleeve.host.offload.GsoSplitter} does what a NIC would: checksum, or cut into
 * {@code gso_size} segments with the headers fixed up. <b>Writing</b> (peers to the bridge): the frames a
 * receive burst delivers are fed to {@link net.weft.sleeve.host.offload.GroCoalescer}, which merges
 * consecutive in-order segments of one TCP flow into a super-frame so that the kernel takes them in one
 * write and the container's TCP stack handles them in one pass, as a NIC's receive offload would.
 *
 * <p>Both transforms are pure (no I/O), reuse preallocated buffers (no allocation per frame), and treat
 * their input as untrusted: every length is bound-checked and bad input is passed through or rejected,
 * never thrown on. {@link net.weft.sleeve.host.offload.InternetChecksum} is the shared RFC 1071 sum.
 */
package net.weft.sleeve.host.offload;
