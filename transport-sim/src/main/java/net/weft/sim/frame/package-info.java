/**
 * Simulated containers and the Ethernet frames they exchange. A {@link net.weft.sim.frame.Container}
 * answers ARP and ICMP echo like a Linux network stack would and can ping others (any size, with or without
 * DF), recording each outcome in a {@link net.weft.sim.frame.PingReport}, an ICMP "fragmentation needed"
 * included; it reassembles IP fragments ({@code Reassembly}) as a stack would. Frames are real (checksummed
 * ARP and IPv4 ICMP), built and read by {@link net.weft.sim.frame.Frames}. Containers reach their host only
 * through a {@link net.weft.sim.frame.Bridge}, so they never call a router directly.
 */
package net.weft.sim.frame;
