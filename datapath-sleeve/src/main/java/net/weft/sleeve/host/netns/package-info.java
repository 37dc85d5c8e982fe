/**
 * Network namespaces: naming them ({@code /var/run/netns/NAME}, {@code /proc/PID/ns/net}) and acting
 * inside them.
 *
 * <p>{@code setns(2)} switches only the calling thread. Weft never switches a thread it does not own:
 * {@link net.weft.sleeve.host.netns.NetworkNamespace#callInside} starts a fresh thread which saves its
 * own namespace ({@code /proc/thread-self/ns/net}), enters the target, runs the work and switches back in
 * a {@code finally}, then ends. Work that only needs a netlink socket opens it this way and then uses it
 * from the caller's thread: a socket stays in the namespace it was created in.
 */
package net.weft.sleeve.host.netns;
