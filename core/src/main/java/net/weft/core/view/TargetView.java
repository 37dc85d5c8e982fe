package net.weft.core.view;

/**
 * A dial target of the connection maker that has no live connection.
 *
 * @param state     Weave's words: "connecting", "retrying", "failed" or "waiting"
 * @param lastError the error of the last attempt, empty when none
 * @param nextTryNs when the next attempt is due, or {@code Long.MAX_VALUE} for never
 */
public record TargetView(String address, boolean direct, String state, String lastError, long nextTryNs) { }
