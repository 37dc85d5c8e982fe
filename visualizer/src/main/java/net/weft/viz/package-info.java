/**
 * {@code weft viz}: the live topology viewer ({@link net.weft.viz.VizCommand}). The model ({@code model}), the
 * sources and controls ({@code source}), report parsing ({@code report}) and the JavaFX layer ({@code fx}) are
 * kept apart so that all logic but painting is tested without a display.
 */
package net.weft.viz;
