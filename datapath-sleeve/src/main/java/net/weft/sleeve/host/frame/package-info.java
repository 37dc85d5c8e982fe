/**
 * Frame ports: where the sleeve data path reads the frames containers send and writes the frames peers
 * deliver. {@link net.weft.sleeve.host.frame.FramePort} is the seam (a daemon's frame injector plugs a
 * port in); {@link net.weft.sleeve.host.frame.DescriptorFramePort} implements it over any descriptor
 * that carries one frame per {@code read(2)}/{@code write(2)}: a TAP device
 * ({@link net.weft.sleeve.host.tap.TapDevice}) or an AF_PACKET socket on a veth end
 * ({@link net.weft.sleeve.host.packet.PacketPort}). Direct buffers go to the kernel with no copy.
 */
package net.weft.sleeve.host.frame;
