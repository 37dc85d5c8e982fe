package net.weft.core.wire.gob;

/** Argument checks shared by the type records (our own bugs, so they throw). */
final class GobTypes {

    private GobTypes() {
    }

    static void requireUserId(int id) {
        if (PredefinedType.isReserved(id)) {
            throw new IllegalArgumentException("user type ids start at " + PredefinedType.FIRST_USER_TYPE_ID
                    + ": " + id);
        }
    }

    static void requireLocal(GobType type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        if (type instanceof PredefinedType p && !p.isLocal()) {
            throw new IllegalArgumentException(p.goName() + " values can be skipped but not encoded or decoded");
        }
    }
}
