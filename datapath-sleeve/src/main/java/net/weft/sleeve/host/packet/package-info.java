/**
 * The AF_PACKET frame port: a raw packet socket bound to the capture end of a veth pair whose other end
 * is a bridge port. Each {@code read(2)} returns one frame that arrived on the capture end (our own
 * transmissions are suppressed with PACKET_IGNORE_OUTGOING); each {@code write(2)} transmits one frame
 * out of the capture end, which the veth delivers into the bridge. It is the alternative to a TAP
 * device; {@code bench/frame-rates.sh} compares the two.
 */
package net.weft.sleeve.host.packet;
