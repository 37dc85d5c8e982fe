package net.weft.core.wire.gob;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads values of the sender's types into local {@link GobType}s.
 *
 * <p>Before a value is read, {@link #checkCompatible} compares the sender's type with the local one the
 * way Go does: the same predefined kind, slice to slice, map to map, and struct to struct with fields
 * matched by name (same-named fields must be compatible; fields only the sender has are skipped; fields
 * only we have stay zero). The struct matching is cached per sender type id.
 */
final class ValueDecoder {

    /** Smallest initial capacity for collections whose count came from the peer. */
    private static final int MAX_PREALLOCATED_ELEMENTS = 1024;

    private final GobReader in;
    private final TypeTable types;
    private final ValueSkipper skipper;
    private final Map<Integer, StructPlan> plans = new HashMap<>();

    /** How the sender's struct fields map onto a local struct's fields (-1: skip). */
    private record StructPlan(StructType local, WireType.WireStruct remote, int[] localIndex) { }

    ValueDecoder(GobReader in, TypeTable types, ValueSkipper skipper) {
        this.in = in;
        this.types = types;
        this.skipper = skipper;
    }

    /** Rejects the value unless the sender's type {@code id} can be stored in {@code local}. */
    void checkCompatible(long id, GobType local, int depth) throws GobFormatException {
        ValueSkipper.checkDepth(depth);
        if (local instanceof PredefinedType p) {
            if (id != p.id()) {
                throw mismatch(id, local);
            }
            return;
        }
        if (PredefinedType.of(id).isPresent()) {
            throw mismatch(id, local);
        }
        WireType remote = types.user(id);
        if (local instanceof SliceType s && remote instanceof WireType.WireSlice ws) {
            checkCompatible(ws.elemId(), s.elem(), depth + 1);
        } else if (local instanceof MapType m && remote instanceof WireType.WireMap wm) {
            checkCompatible(wm.keyId(), m.key(), depth + 1);
            checkCompatible(wm.elemId(), m.elem(), depth + 1);
        } else if (local instanceof StructType st && remote instanceof WireType.WireStruct ws) {
            plan(id, st, ws, depth);
        } else {
            throw mismatch(id, local);
        }
    }

    /** Reads a value of the sender's type {@code id} into {@code local}; call {@link #checkCompatible} first. */
    Object decode(long id, GobType local, int depth) throws GobFormatException {
        ValueSkipper.checkDepth(depth);
        if (local instanceof PredefinedType p) {
            return decodePredefined(p);
        }
        WireType remote = types.user(id);
        if (local instanceof SliceType s) {
            int elemId = ((WireType.WireSlice) remote).elemId();
            int n = in.readCount("slice", 1);
            List<Object> out = new ArrayList<>(Math.min(n, MAX_PREALLOCATED_ELEMENTS));
            for (int i = 0; i < n; i++) {
                out.add(decode(elemId, s.elem(), depth + 1));
            }
            return Collections.unmodifiableList(out);
        }
        if (local instanceof MapType m) {
            WireType.WireMap wm = (WireType.WireMap) remote;
            int n = in.readCount("map", 2);
            Map<Object, Object> out = new LinkedHashMap<>(Math.min(n, MAX_PREALLOCATED_ELEMENTS) * 2);
            for (int i = 0; i < n; i++) {
                Object key = decode(wm.keyId(), m.key(), depth + 1);
                out.put(key, decode(wm.elemId(), m.elem(), depth + 1));
            }
            return Collections.unmodifiableMap(out);
        }
        return decodeStruct(id, (StructType) local, depth);
    }

    private Object decodePredefined(PredefinedType p) throws GobFormatException {
        switch (p) {
            case BOOL: {
                long u = in.readUint();
                if (u != 0 && u != 1) {
                    throw new GobFormatException("invalid bool encoding " + Long.toUnsignedString(u));
                }
                return u == 1;
            }
            case INT:
                return in.readInt();
            case UINT:
                return in.readUint();
            case FLOAT:
                return Double.longBitsToDouble(Long.reverseBytes(in.readUint()));
            case BYTES:
                return in.readBytes(in.readLength("byte slice"));
            case STRING:
                return in.readString("string");
            default:
                throw new IllegalStateException("no local representation for " + p);
        }
    }

    private GobStruct decodeStruct(long id, StructType local, int depth) throws GobFormatException {
        StructPlan plan = plan(id, local, (WireType.WireStruct) types.user(id), depth);
        Object[] values = new Object[local.fields().size()];
        List<WireType.WireField> remoteFields = plan.remote().fields();
        int field = -1;
        while ((field = skipper.nextField(field, remoteFields.size(), plan.remote().name())) >= 0) {
            int target = plan.localIndex()[field];
            int fieldId = remoteFields.get(field).typeId();
            if (target < 0) {
                skipper.skip(fieldId, depth + 1);
            } else {
                values[target] = decode(fieldId, local.fields().get(target).type(), depth + 1);
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = local.fields().get(i).type().zeroValue();
            }
        }
        return GobStruct.wrap(local, values);
    }

    private StructPlan plan(long id, StructType local, WireType.WireStruct remote, int depth)
            throws GobFormatException {
        StructPlan cached = plans.get((int) id);
        if (cached != null && (cached.local() == local || cached.local().equals(local))) {
            return cached;
        }
        int[] localIndex = new int[remote.fields().size()];
        int matched = 0;
        for (int i = 0; i < localIndex.length; i++) {
            WireType.WireField f = remote.fields().get(i);
            localIndex[i] = local.indexOf(f.name());
            if (localIndex[i] >= 0) {
                GobType localField = local.fields().get(localIndex[i]).type();
                try {
                    checkCompatible(f.typeId(), localField, depth + 1);
                } catch (GobFormatException e) {
                    throw new GobFormatException("field " + f.name() + " of struct " + remote.name() + ": "
                            + e.getMessage());
                }
                matched++;
            }
        }
        if (matched == 0 && localIndex.length > 0 && !local.fields().isEmpty()) {
            throw new GobFormatException("no fields of sent struct " + remote.name() + " match local struct "
                    + local.name());
        }
        StructPlan plan = new StructPlan(local, remote, localIndex);
        plans.put((int) id, plan);
        return plan;
    }

    private static GobFormatException mismatch(long id, GobType local) {
        String sent = PredefinedType.of(id).map(PredefinedType::goName).orElse("type " + id);
        return new GobFormatException("type mismatch: sent " + sent + ", expected " + describe(local));
    }

    private static String describe(GobType t) {
        if (t instanceof SliceType s) {
            return "[]" + describe(s.elem());
        }
        if (t instanceof MapType m) {
            return "map[" + describe(m.key()) + "]" + describe(m.elem());
        }
        return t.goName();
    }
}
