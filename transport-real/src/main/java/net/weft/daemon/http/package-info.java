/**
 * The daemon's HTTP endpoints on netty's codec: the control API (default {@code 127.0.0.1:6784}) and the
 * read-only status and metrics endpoint (default {@code 127.0.0.1:6782}), with Weave Net's paths.
 *
 * <p>{@link net.weft.daemon.http.ApiRoutes} is a plain function from a request to a response over a
 * {@link net.weft.daemon.http.DaemonControl}; {@link net.weft.daemon.http.HttpApiServer} only adapts netty to
 * it. Reads render the latest published {@link net.weft.daemon.render.StatusSnapshot} on the HTTP thread;
 * writes ({@code /connect}, {@code /forget}) are submitted to the router loop and answered once the router
 * has taken them, so the status read next shows their effect.
 */
package net.weft.daemon.http;
