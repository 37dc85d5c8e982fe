/**
 * The daemon's log: one readable SLF4J line per interesting trace event (connections added, established and
 * lost with their reason; peers discovered and removed; protocol violations), and counters for the rest.
 * The core never logs; this subscriber turns its {@link net.weft.core.trace.TraceEvent}s into lines.
 */
package net.weft.daemon.log;
