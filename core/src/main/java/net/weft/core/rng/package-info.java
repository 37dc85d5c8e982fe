/**
 * Seeded randomness. The core draws gossip fan-out, backoff jitter, ConnIDs and short-id choices from a
 * {@link net.weft.core.rng.DeterministicRandom} given to it, never from an entropy source of its own.
 */
package net.weft.core.rng;
