/**
 * Scenarios: the YAML format (docs/scenarios.md), the named library, and {@code weft sim}.
 *
 * <p>Theory of operation. {@link net.weft.scenarios.ScenarioParser} reads a file into a validated {@link
 * net.weft.scenarios.Scenario} (errors carry file:line). {@link net.weft.scenarios.ScenarioRunner} builds a
 * {@link net.weft.sim.Cluster} running the real router, schedules the events and the reachability probes at
 * their virtual times, runs, and judges the expectations into a {@link net.weft.scenarios.ScenarioResult},
 * which renders a timeline or a JSON report ({@link net.weft.scenarios.Json}, no dependencies). {@link
 * net.weft.scenarios.SwarmScenario} derives a whole world and fault script from one seed for the property
 * tests, and {@link net.weft.scenarios.ScenarioYaml} writes any scenario back as a file, so a failing seed or
 * a shrunk fault script is replayed with {@code weft sim}.
 */
package net.weft.scenarios;
