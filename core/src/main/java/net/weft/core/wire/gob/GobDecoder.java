package net.weft.core.wire.gob;

import java.util.List;
import java.util.Map;
import net.weft.core.wire.ParseResult;

/**
 * Reads the values of one gob stream, in order, from a byte array.
 *
 * <p>A stream is a sequence of messages, each a uint byte count followed by a signed type id. A negative id
 * {@code -n} carries the definition of type {@code n} (a {@code wireType}); a positive id carries a value of
 * that type. Each call to {@link #next} consumes any definitions and then one value, checking the
 * sender's type against the local type asked for. Ids are the sender's and belong to this stream only.
 *
 * <p>Every method returns a {@link ParseResult} and never throws on bad input. After the first rejection
 * the decoder stays failed and returns the same reason. Use one decoder per stream: Weave makes a fresh
 * stream for each gossip header value and each topology payload. Not thread-safe.
 */
public final class GobDecoder {

    private final GobReader in;
    private final int streamEnd;
    private final TypeTable types = new TypeTable();
    private final ValueSkipper skipper;
    private final ValueDecoder values;
    private String failure;
    private int lastValueStart = -1;

    /** A decoder over the whole array. */
    public GobDecoder(byte[] stream) {
        this(stream, 0, stream.length);
    }

    /** A decoder over {@code length} bytes of {@code stream} from {@code offset}. */
    public GobDecoder(byte[] stream, int offset, int length) {
        this.in = new GobReader(stream, offset, length);
        this.streamEnd = offset + length;
        this.skipper = new ValueSkipper(in, types);
        this.values = new ValueDecoder(in, types, skipper);
    }

    /** True when every byte has been consumed (the normal end of a stream). */
    public boolean atEnd() {
        return in.position() == streamEnd;
    }

    /** Offset of the next unread byte in the array given to the constructor. */
    public int position() {
        return in.position();
    }

    /**
     * Reads the next value into the local type {@code expected}; see the package documentation for the
     * Java classes of each type.
     *
     * @throws IllegalArgumentException when {@code expected} is complex or interface (a caller bug)
     */
    public ParseResult<Object> next(GobType expected) {
        GobTypes.requireLocal(expected);
        if (failure != null) {
            return ParseResult.rejected(failure);
        }
        try {
            long id = nextValueMessage();
            values.checkCompatible(id, expected, 0);
            readSingletonMarker(id);
            Object value = values.decode(id, expected, 0);
            finishMessage("value");
            return ParseResult.ok(value);
        } catch (GobFormatException e) {
            return fail(e);
        }
    }

    /**
     * Where the last value message read or skipped starts (its length prefix), or -1 before the first: with
     * {@link #position()} after the read, the exact bytes of that message.
     */
    public int lastValueStart() {
        return lastValueStart;
    }

    /**
     * Checks that the next value's type fits {@code expected} and steps over the value without decoding it;
     * {@link #decodeAt} reads it later. Returns the offset where its message starts.
     */
    public ParseResult<Integer> skipNextAs(GobType expected) {
        GobTypes.requireLocal(expected);
        if (failure != null) {
            return ParseResult.rejected(failure);
        }
        try {
            long id = nextValueMessage();
            values.checkCompatible(id, expected, 0);
            in.position(in.limit());
            in.limit(streamEnd);
            return ParseResult.ok(lastValueStart);
        } catch (GobFormatException e) {
            return fail(e);
        }
    }

    /**
     * Decodes the value message that starts at {@code messageStart} (as returned by {@link #skipNextAs}) into
     * {@code expected}, with this stream's type definitions; the decoder's own position does not move. A
     * rejection here does not fail the decoder.
     */
    public ParseResult<Object> decodeAt(int messageStart, GobType expected) {
        GobTypes.requireLocal(expected);
        GobReader at = new GobReader(in.data(), messageStart, streamEnd - messageStart);
        ValueSkipper atSkipper = new ValueSkipper(at, types);
        ValueDecoder atValues = new ValueDecoder(at, types, atSkipper);
        try {
            long length = at.readUint();
            if (length <= 0 || length > at.remaining()) {
                throw new GobFormatException("bad message length " + Long.toUnsignedString(length));
            }
            at.limit(at.position() + (int) length);
            long id = at.readInt();
            atValues.checkCompatible(id, expected, 0);
            if (!types.isStruct(id) && at.readUint() != 0) {
                throw new GobFormatException("non-zero field delta before top-level value");
            }
            Object value = atValues.decode(id, expected, 0);
            if (at.remaining() != 0) {
                throw new GobFormatException(at.remaining() + " bytes of extra data after value");
            }
            return ParseResult.ok(value);
        } catch (GobFormatException e) {
            return ParseResult.rejected(e.getMessage());
        }
    }

    /**
     * True when this stream defined every type of {@code canonical} under the same id and exactly as our
     * encoder defines it: then a value message of this stream means what the same bytes mean in ours.
     */
    public boolean defines(GobDefinitions canonical) {
        return canonical.matches(types);
    }

    /** Reads past the next value whatever its type; returns the sender's type id of the skipped value. */
    public ParseResult<Integer> skipNext() {
        if (failure != null) {
            return ParseResult.rejected(failure);
        }
        try {
            long id = nextValueMessage();
            readSingletonMarker(id);
            skipper.skip(id, 0);
            finishMessage("value");
            return ParseResult.ok((int) id);
        } catch (GobFormatException e) {
            return fail(e);
        }
    }

    /** The next value as a string. */
    public ParseResult<String> nextString() {
        return next(PredefinedType.STRING).map(String.class::cast);
    }

    /** The next value as a uint (unsigned bits in a long). */
    public ParseResult<Long> nextUint() {
        return next(PredefinedType.UINT).map(Long.class::cast);
    }

    /** The next value as a signed int. */
    public ParseResult<Long> nextInt() {
        return next(PredefinedType.INT).map(Long.class::cast);
    }

    /** The next value as a bool. */
    public ParseResult<Boolean> nextBool() {
        return next(PredefinedType.BOOL).map(Boolean.class::cast);
    }

    /** The next value as a []byte. */
    public ParseResult<byte[]> nextBytes() {
        return next(PredefinedType.BYTES).map(byte[].class::cast);
    }

    /** The next value as a struct of the given local type. */
    public ParseResult<GobStruct> nextStruct(StructType type) {
        return next(type).map(GobStruct.class::cast);
    }

    /** The next value as a slice of the given local type. */
    @SuppressWarnings("unchecked")
    public ParseResult<List<Object>> nextList(SliceType type) {
        return next(type).map(v -> (List<Object>) v);
    }

    /** The next value as a map of the given local type, entries in the order sent. */
    @SuppressWarnings("unchecked")
    public ParseResult<Map<Object, Object>> nextMap(MapType type) {
        return next(type).map(v -> (Map<Object, Object>) v);
    }

    /** Consumes type-definition messages up to a value message; returns its type id, limit set to its end. */
    private long nextValueMessage() throws GobFormatException {
        while (true) {
            in.limit(streamEnd);
            if (in.remaining() == 0) {
                throw new GobFormatException("stream ended: no more values");
            }
            int messageStart = in.position();
            long length = in.readUint();
            if (length == 0) {
                throw new GobFormatException("empty message");
            }
            if (length < 0 || length > GobLimits.MAX_MESSAGE_BYTES) {
                throw new GobFormatException("message length " + Long.toUnsignedString(length)
                        + " exceeds limit of " + GobLimits.MAX_MESSAGE_BYTES);
            }
            if (length > in.remaining()) {
                throw new GobFormatException("truncated message: length " + length + " but only "
                        + in.remaining() + " bytes remain");
            }
            in.limit(in.position() + (int) length);
            long id = in.readInt();
            if (id >= 0) {
                if (!types.isKnown(id)) {
                    throw new GobFormatException("value of unknown type id " + id);
                }
                lastValueStart = messageStart;
                return id;
            }
            WireType definition = WireTypeParser.parse(in);
            finishMessage("type definition");
            types.define(-id, definition);
        }
    }

    /** Non-struct values at top level are sent as a one-field struct: a zero delta precedes them. */
    private void readSingletonMarker(long id) throws GobFormatException {
        if (!types.isStruct(id) && in.readUint() != 0) {
            throw new GobFormatException("non-zero field delta before top-level value");
        }
    }

    private void finishMessage(String what) throws GobFormatException {
        if (in.remaining() != 0) {
            throw new GobFormatException(in.remaining() + " bytes of extra data after " + what);
        }
        in.limit(streamEnd);
    }

    private <T> ParseResult<T> fail(GobFormatException e) {
        failure = e.getMessage();
        return ParseResult.rejected(failure);
    }
}
