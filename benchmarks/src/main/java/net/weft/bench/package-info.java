/**
 * Benchmarks and figure-printing programs. {@link net.weft.bench.SimScaleBenchmark} measures how the
 * simulator scales with the real router (convergence, events/s, memory, gossip cost) and the engine's own
 * throughput; {@code benchmarks/sim-scale.sh} builds and runs it.
 */
package net.weft.bench;
