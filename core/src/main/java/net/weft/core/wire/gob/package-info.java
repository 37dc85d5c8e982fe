/**
 * A codec for the subset of Go's gob format that Weave Net's control plane uses.
 *
 * <h2>How it works</h2>
 * A gob stream is a sequence of messages, each {@code uint length, int typeId, body}. A negative id
 * {@code -n} defines user type {@code n} with a {@code wireType} body (struct, slice, map, array or an
 * opaque "marshaler" type); a positive id carries one value of that type. Types 1..8 (bool, int, uint,
 * float, []byte, string, complex, interface) are predefined and never defined on the wire. Ids are chosen by
 * the sender and valid only within its stream.
 *
 * <ul>
 *   <li>{@link net.weft.core.wire.gob.GobEncoder} writes values of local {@link net.weft.core.wire.gob.GobType}s,
 *       defining each user type before its first use, in Go's order, with the ids the type records carry.</li>
 *   <li>{@link net.weft.core.wire.gob.GobDecoder} reads definitions as they come ({@code TypeTable}), checks
 *       each value's sent type against the local type asked for ({@code ValueDecoder}: same kind, struct
 *       fields matched by name), skips whatever the local type lacks ({@code ValueSkipper}, which can pass
 *       over a value of any type the stream can describe) and gives absent fields their zero value.</li>
 * </ul>
 *
 * <h2>Java representation of values</h2>
 * bool: {@link java.lang.Boolean}; int: {@link java.lang.Long}; uint: {@link java.lang.Long} holding the
 * unsigned bits (use {@link java.lang.Long#toUnsignedString(long)}); float: {@link java.lang.Double};
 * []byte: {@code byte[]}; string: {@link java.lang.String} (UTF-8; invalid sequences from a peer become
 * U+FFFD); slice: {@link java.util.List}; map: {@link java.util.Map} (decoded in the order sent, a repeated
 * key keeping its last value); struct: {@link net.weft.core.wire.gob.GobStruct}. The encoder also takes any
 * {@link java.lang.Number} for int, uint and float.
 *
 * <h2>Robustness</h2>
 * Decoding never throws on peer input: malformed, truncated or oversized input yields
 * {@link net.weft.core.wire.ParseResult.Rejected}. Internally a stackless {@code GobFormatException} unwinds
 * to the public methods. The bounds are in {@link net.weft.core.wire.gob.GobLimits}: message size,
 * element counts (never more than the bytes left, since every value takes at least one byte), nesting
 * depth and number of type definitions. Every loop consumes input, so decoding ends in time linear in the
 * input.
 *
 * <h2>Not supported</h2>
 * Encoding or decoding into complex, interface, array and marshaler types: values of those types can only
 * be skipped. Type definitions split across messages inside interface values are not followed.
 */
package net.weft.core.wire.gob;
