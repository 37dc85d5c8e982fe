/**
 * The viewer's model, free of JavaFX so it can be tested without a display.
 *
 * <p>Theory of operation. A source (simulator or daemons) produces {@link net.weft.viz.model.MeshSnapshot}s:
 * every peer with its router view at one instant. {@link net.weft.viz.model.Recording} keeps them in time
 * order with the message {@link net.weft.viz.model.Pulse}s, so any instant can be shown again.
 * {@link net.weft.viz.model.MeshScene#build} turns a snapshot into a drawing: {@link
 * net.weft.viz.model.EdgeDerivation} decides edges and their states from both ends' reports, {@link
 * net.weft.viz.model.ForceLayout} places peers (stable across changes), {@link net.weft.viz.model.RoutePaths}
 * follows the selected peer's unicast and broadcast routes hop by hop, {@link net.weft.viz.model.Flights}
 * places messages in flight, and {@link net.weft.viz.model.Styles} holds every colour and dash. The JavaFX
 * layer ({@code net.weft.viz.fx}) paints a {@code MeshScene} through a {@link
 * net.weft.viz.model.ViewTransform} and turns clicks into commands with {@link net.weft.viz.model.HitTest}.
 */
package net.weft.viz.model;
