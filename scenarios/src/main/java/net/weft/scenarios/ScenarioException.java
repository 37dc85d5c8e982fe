package net.weft.scenarios;

/** A scenario file is wrong; the message names the file and line when known. */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error at {@code file:line} (line 1-based; 0 when unknown). */
    public ScenarioException(String file, int line, String message) {
        super((file == null ? "scenario" : file) + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
