package net.weft.core.wire.gob;

/**
 * Internal signal that the input is malformed. It never leaves this package: the public decoder turns it
 * into a {@link net.weft.core.wire.ParseResult.Rejected}. It carries no stack trace, since it is an
 * expected outcome of bad peer input rather than a bug.
 */
final class GobFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    GobFormatException(String reason) {
        super(reason, null, false, false);
    }
}
