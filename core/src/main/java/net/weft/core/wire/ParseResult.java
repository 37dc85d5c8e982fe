package net.weft.core.wire;

import java.util.function.Function;

/**
 * The outcome of parsing peer input: a value, or a rejection with a reason fit for a log line. Parsers of
 * anything a peer sent return this and never throw.
 */
public sealed interface ParseResult<T> {

    /** Parsed successfully. */
    record Ok<T>(T value) implements ParseResult<T> { }

    /** Refused; {@code reason} says what was wrong. */
    record Rejected<T>(String reason) implements ParseResult<T> { }

    /** A success. */
    static <T> ParseResult<T> ok(T value) {
        return new Ok<>(value);
    }

    /** A rejection. */
    static <T> ParseResult<T> rejected(String reason) {
        return new Rejected<>(reason);
    }

    /** True for {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws {@link IllegalStateException} (a bug, not peer input) when rejected. */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("rejected: " + ((Rejected<T>) this).reason());
    }

    /** The reason, or empty for a success. */
    default String reason() {
        return this instanceof Rejected<T> r ? r.reason() : "";
    }

    /** Maps a success; passes a rejection through. */
    default <U> ParseResult<U> map(Function<T, U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Rejected<>(reason());
    }
}
