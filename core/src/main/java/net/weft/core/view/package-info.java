/**
 * Immutable snapshots of a router's state ({@link net.weft.core.view.RouterView}) for status, the JSON
 * report, metrics, the viewer and the simulator's checkers. Taking a view never changes the router.
 */
package net.weft.core.view;
