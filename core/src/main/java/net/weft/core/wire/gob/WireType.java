package net.weft.core.wire.gob;

import java.util.List;

/**
 * A type as the sender defined it in the stream (Go's {@code wireType}): element and field types are
 * referenced by the sender's type ids, resolved when a value is read.
 */
sealed interface WireType {

    /** The Go type name the sender gave, often empty. */
    String name();

    /** {@code StructT}: fields in the sender's order. */
    record WireStruct(String name, List<WireField> fields) implements WireType { }

    /** One field of a {@link WireStruct}. */
    record WireField(String name, int typeId) { }

    /** {@code SliceT}. */
    record WireSlice(String name, int elemId) implements WireType { }

    /** {@code ArrayT}: a fixed-length array. */
    record WireArray(String name, int elemId, int length) implements WireType { }

    /** {@code MapT}. */
    record WireMap(String name, int keyId, int elemId) implements WireType { }

    /** {@code GobEncoderT}, {@code BinaryMarshalerT} or {@code TextMarshalerT}: values are opaque bytes. */
    record WireOpaque(String name) implements WireType { }
}
