/**
 * Routes: where a frame or a gossip message for a destination goes next, and where a broadcast from a source is
 * passed on.
 *
 * <p>{@link net.weft.core.routing.Routes#compute} runs Weave's breadth-first search from us over an immutable
 * {@link net.weft.core.topology.TopologyGraph} twice: once over connections both ends report established (the
 * data plane's unicast table) and once over every reported connection (the gossip, or "All", table). Each BFS
 * level is visited in ascending name order and a destination inherits the first hop of the first predecessor
 * that finds it, so among equally short paths the one through the lowest-named predecessor wins. Every peer that
 * computes from the same topology therefore agrees on every path, which is what keeps hop-by-hop forwarding free
 * of loops: following next hops from any peer reaches the destination in exactly its distance.
 *
 * <p>Broadcasts follow a spanning tree per source. A peer that receives a broadcast from source S runs the same
 * BFS from S and stops when it dequeues itself; its neighbours not yet reached at that moment are exactly its
 * children in S's tree, so in a stable topology each peer receives each broadcast once. These hop lists are
 * computed per source on first use and cached inside the (otherwise immutable) {@code Routes}.
 *
 * <p>Gossip fan-out ({@code randomNeighbours}) samples the gossip next hops without replacement, weighting each by
 * the number of destinations routed through it, from a {@link net.weft.core.rng.DeterministicRandom} the caller
 * passes, so a simulation replays exactly.
 *
 * <p>The tables a {@code Routes} hands out ({@code unicastTable}, {@code reachable} and their gossip twins) are
 * read-only views over its first-hop arrays ({@code HopTable}), not copies, so a router's route tables cost no
 * memory beyond two int arrays however many peers there are; the gossip next hops and their weights are counted
 * once per snapshot.
 *
 * <p>Performance: peers are indexed 0..N-1 in name order and edges are compressed int rows, so the searches run on
 * primitive arrays; each level is a bitmap over indices, read word by word, which visits it in ascending order
 * without sorting, and the search counts what it reached so the tables know their size without a scan. 10,000
 * peers of degree 3-10 compute in a few milliseconds (see {@code RoutingBenchmark}).
 */
package net.weft.core.routing;
