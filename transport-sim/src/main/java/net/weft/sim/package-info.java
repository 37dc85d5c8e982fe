/**
 * The discrete-event simulator: many real routers on a virtual clock, joined by a modelled network.
 *
 * <p>Theory of operation. {@link net.weft.sim.SimNetwork} holds one event queue ordered by (time, sequence).
 * Running pops the earliest event, moves the clock to it and handles it: a timer tick, an input for a
 * router (bytes on a connection, a datagram, a dial outcome), a frame a container put on its bridge, or a
 * scripted action (a fault, a ping). Feeding an input to a router returns effects; {@link
 * net.weft.sim.Transport} turns each into future events per the contract documented there, and the router's
 * next deadline replaces its pending tick. Nothing sleeps and nothing is concurrent, so a run is a pure
 * function of its seed: identities, link loss, jitter and duplication are drawn from SplitMix64 streams
 * forked per host and per link direction.
 *
 * <p>{@link net.weft.sim.Cluster} is the script-level harness (peers and containers by name, faults that
 * open convergence epochs, pings, checkers); {@link net.weft.sim.ConvergenceMonitor} times convergence and
 * samples safety; {@link net.weft.sim.TraceRecorder} writes the deterministic event trace.
 */
package net.weft.sim;
