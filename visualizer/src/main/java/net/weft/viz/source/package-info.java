/**
 * Where the viewer's pictures come from, and the controls that move through time.
 *
 * <p>Theory of operation. A {@link net.weft.viz.source.MeshSource} fills a {@link net.weft.viz.model.Recording}.
 * {@link net.weft.viz.source.SimSession} runs a scenario ({@link net.weft.viz.source.ScenarioFile}) on a
 * {@link net.weft.viz.source.SimEngine} in steps of 100 ms of virtual time, applying the scenario's events and
 * the user's injected faults, recording a snapshot per step and a pulse per message; a router view is taken
 * again only for peers whose trace showed a change. {@link net.weft.viz.source.RouterMesh} is the engine: a
 * minimal network of core routers (links with latency, cuts, crashes, joins). {@link
 * net.weft.viz.source.AttachSource} polls daemons' {@code /report} instead. {@link
 * net.weft.viz.source.Playback} decides the instant shown: playing at the live edge makes the source run on,
 * playing behind it replays the recording; the wall clock is a parameter so it is tested without one.
 */
package net.weft.viz.source;
