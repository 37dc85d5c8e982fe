/**
 * The thin JavaFX layer. {@link net.weft.viz.fx.SceneRenderer} paints a {@link net.weft.viz.model.MeshScene} on a
 * canvas (edges batched into one path per style, so 500 peers stay fast on the software renderer); {@link
 * net.weft.viz.fx.VizWindow} wires toolbar, timeline, side panel and mouse to the model; {@link
 * net.weft.viz.fx.PngExport} renders off screen; {@link net.weft.viz.fx.FxRuntime} starts the toolkit without an
 * {@code Application} subclass so everything runs from the plain class path, on a display, under Xvfb, or
 * headless through Monocle.
 */
package net.weft.viz.fx;
