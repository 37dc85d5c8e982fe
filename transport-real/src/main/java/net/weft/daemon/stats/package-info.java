/**
 * The daemon's own counters: what its transports and trace subscribers counted.
 *
 * <p>{@link net.weft.daemon.stats.DaemonCounters} is plain mutable state owned by the router thread (every
 * socket handler and the trace sink run there); it is copied into an immutable map whenever a status snapshot
 * is published, and only that copy is read by HTTP threads. {@link net.weft.daemon.stats.Counter} names every
 * counter once, with its Prometheus name and help text.
 */
package net.weft.daemon.stats;
