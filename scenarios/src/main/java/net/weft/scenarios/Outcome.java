package net.weft.scenarios;

/** Whether one expectation held, and what was seen. */
public record Outcome(Expectation expectation, boolean passed, String detail) { }
