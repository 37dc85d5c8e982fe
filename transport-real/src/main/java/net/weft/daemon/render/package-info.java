/**
 * Text, JSON and Prometheus renderings of a {@link net.weft.daemon.render.StatusSnapshot}.
 *
 * <p>Every renderer is a pure function of one snapshot: the router thread takes a
 * {@link net.weft.core.view.RouterView}, wraps it with the daemon's own facts (direct targets as the user typed
 * them, trusted subnets, transport counters, the wall-clock time the view was taken) and publishes it; HTTP
 * threads render whatever snapshot is current and never touch the router. Layouts follow Weave Net 2.8's
 * {@code weave status} templates and {@code /report} field names so scripts written for Weave keep working.
 */
package net.weft.daemon.render;
