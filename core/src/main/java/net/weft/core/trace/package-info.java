/**
 * Trace events: what happened inside a router, as records. Checkers, the simulator's timeline, the
 * viewer and the daemon's logger subscribe through {@link net.weft.core.trace.TraceSink}.
 */
package net.weft.core.trace;
