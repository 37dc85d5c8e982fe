package net.weft.core.wire.gob;

import java.util.List;

/** A Go slice type {@code []elem} (not {@code []byte}, which is predefined). Java value: {@link List}. */
public record SliceType(int id, String name, GobType elem) implements GobType {

    /** Validates the id and element type. */
    public SliceType {
        GobTypes.requireUserId(id);
        name = name == null ? "" : name;
        GobTypes.requireLocal(elem);
    }

    /** An unnamed slice type, as Go defines {@code []T} written inline. */
    public static SliceType of(int id, GobType elem) {
        return new SliceType(id, "", elem);
    }

    @Override
    public String goName() {
        return name;
    }

    @Override
    public Object zeroValue() {
        return List.of();
    }
}
