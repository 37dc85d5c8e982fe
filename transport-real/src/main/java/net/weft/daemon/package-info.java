/**
 * The production daemon: binds the deterministic router core to real sockets, an HTTP API and logs.
 *
 * <p>{@link net.weft.daemon.Daemon#start} derives the identity from the host, builds the
 * {@link net.weft.core.Router}, and wires it to one single-threaded netty event loop (the
 * {@link net.weft.daemon.loop.RouterLoop}) that also owns every TCP and UDP socket of the router, so the router
 * is only ever touched by that thread. HTTP runs on a second event loop and reads published snapshots only.
 * Sub-packages: {@code loop} (the duty cycle), {@code net} (sockets), {@code http} (API), {@code render}
 * (status text, JSON, metrics), {@code identity}, {@code log}, {@code stats}, {@code datapath} (frame
 * injection) and {@code cli} (the {@code weft} verbs that start and talk to a daemon).
 */
package net.weft.daemon;
