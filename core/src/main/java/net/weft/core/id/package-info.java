/**
 * Identities: peer names (48-bit, MAC form), incarnation UIDs, connection ids, endpoints and MACs.
 *
 * <p>All are immutable, comparable records so that sorted collections (never hash order) decide every
 * output. Identity is an input to the router: the daemon derives it from the host and a secure random
 * source, the simulator from its seed.
 */
package net.weft.core.id;
