/**
 * Reading daemons' {@code GET /report} JSON (Weave's shape) without a JSON library: {@link
 * net.weft.viz.report.JsonReader} is a strict small parser that never throws on bad input, and {@link
 * net.weft.viz.report.ReportParser} maps the {@code Router} object onto core's {@link
 * net.weft.core.view.RouterView}, so real and simulated meshes share the whole drawing pipeline.
 */
package net.weft.viz.report;
