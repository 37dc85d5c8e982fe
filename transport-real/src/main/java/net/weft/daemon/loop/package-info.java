/**
 * The router loop: the one thread that owns the {@link net.weft.core.Router}.
 *
 * <p>Theory of operation (an Aeron-style duty cycle on a netty event loop). Socket handlers, the HTTP API and
 * the timer never call the router; they {@link net.weft.daemon.loop.RouterLoop#submit submit} an
 * {@link net.weft.core.input.Input}, which lands in a FIFO queue. The first submission of a burst schedules a
 * <em>turn</em>. A turn reads the clock exactly once, feeds every queued input to {@code step} with that time
 * (inputs that arrive while effects run, e.g. a close that fires {@code channelInactive}, join the same turn),
 * hands each effect to the {@link net.weft.daemon.loop.EffectExecutor} in order, flushes, then arms exactly
 * one timer for the latest {@code nextDeadlineNs}: when it fires it submits a {@code Tick}. Finally the turn
 * publishes a {@link net.weft.daemon.render.StatusSnapshot} through a volatile reference (at most every
 * {@link net.weft.daemon.loop.RouterLoop#PUBLISH_INTERVAL_NS}, with a trailing publish so the last state always
 * shows), which is all that HTTP threads ever read.
 *
 * <p>The scheduler and the clock are interfaces so tests drive a loop by hand, with no threads and no sleeping.
 */
package net.weft.daemon.loop;
