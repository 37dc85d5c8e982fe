/**
 * Checkers over router snapshots taken at one instant: data-plane safety ({@link
 * net.weft.sim.check.RouteCheck}: next hops are established neighbours, no forwarding loops) and
 * convergence ({@link net.weft.sim.check.TopologyCheck}: every live router holds the same topology, knows
 * every live peer, lists no dead one and routes to every live peer). They are pure functions of the views,
 * so tests and the simulator's monitor share them.
 */
package net.weft.sim.check;
