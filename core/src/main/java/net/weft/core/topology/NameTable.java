package net.weft.core.topology;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import net.weft.core.id.PeerName;

/**
 * The peer table's map from name to entry, kept as two sorted parallel arrays (name values and entries) instead
 * of a tree: a lookup is a binary search over primitive longs, and a table of 10,000 peers costs 12 bytes per
 * peer rather than a tree node's 40, which matters when a simulation holds 10,000 such tables. Names not seen
 * before wait in a small tree and are merged into the arrays in one pass once there are more than an eighth as
 * many of them as there are merged ones, or when the entries are read in order; replacing an entry is in place.
 */
final class NameTable {

    /** New names wait in the tree until there are at least this many (and an eighth of the merged ones). */
    private static final int MIN_PENDING = 16;
    private static final int PENDING_FRACTION = 8;

    private long[] names = new long[0];
    private PeerEntry[] entries = new PeerEntry[0];
    private final TreeMap<PeerName, PeerEntry> pending = new TreeMap<>();

    /** The entry of {@code name}, or null. */
    PeerEntry get(PeerName name) {
        int i = Arrays.binarySearch(names, name.value());
        if (i >= 0) {
            return entries[i];
        }
        return pending.isEmpty() ? null : pending.get(name);
    }

    boolean containsKey(PeerName name) {
        return get(name) != null;
    }

    int size() {
        return names.length + pending.size();
    }

    /** Stores {@code entry} under its name; returns the entry it replaced, or null. */
    PeerEntry put(PeerName name, PeerEntry entry) {
        int i = Arrays.binarySearch(names, name.value());
        if (i >= 0) {
            PeerEntry previous = entries[i];
            entries[i] = entry;
            return previous;
        }
        PeerEntry previous = pending.put(name, entry);
        if (previous == null && pending.size() >= Math.max(MIN_PENDING, names.length / PENDING_FRACTION)) {
            merge();
        }
        return previous;
    }

    /** Removes {@code name}; returns its entry, or null when absent. */
    PeerEntry remove(PeerName name) {
        PeerEntry fromPending = pending.remove(name);
        if (fromPending != null) {
            return fromPending;
        }
        int i = Arrays.binarySearch(names, name.value());
        if (i < 0) {
            return null;
        }
        PeerEntry removed = entries[i];
        long[] fewerNames = new long[names.length - 1];
        PeerEntry[] fewerEntries = new PeerEntry[names.length - 1];
        System.arraycopy(names, 0, fewerNames, 0, i);
        System.arraycopy(names, i + 1, fewerNames, i, names.length - i - 1);
        System.arraycopy(entries, 0, fewerEntries, 0, i);
        System.arraycopy(entries, i + 1, fewerEntries, i, names.length - i - 1);
        names = fewerNames;
        entries = fewerEntries;
        return removed;
    }

    /**
     * Every name as its value, ascending: the table's own array, which is never written once made (merging and
     * removing make new ones), so a graph can keep it as its name index and tell by identity alone that the
     * names have not changed since. Callers must not write to it.
     */
    long[] nameValues() {
        merge();
        return names;
    }

    /** Every entry in name order: an unmodifiable view to read at once (a later {@link #put} shows through). */
    List<PeerEntry> values() {
        merge();
        PeerEntry[] snapshot = entries;
        return new AbstractList<>() {
            @Override
            public PeerEntry get(int index) {
                return snapshot[index];
            }

            @Override
            public int size() {
                return snapshot.length;
            }
        };
    }

    private void merge() {
        if (pending.isEmpty()) {
            return;
        }
        int n = names.length + pending.size();
        long[] mergedNames = new long[n];
        PeerEntry[] mergedEntries = new PeerEntry[n];
        int a = 0;
        int out = 0;
        for (var e : pending.entrySet()) {
            long v = e.getKey().value();
            while (a < names.length && names[a] < v) {
                mergedNames[out] = names[a];
                mergedEntries[out++] = entries[a++];
            }
            mergedNames[out] = v;
            mergedEntries[out++] = e.getValue();
        }
        while (a < names.length) {
            mergedNames[out] = names[a];
            mergedEntries[out++] = entries[a++];
        }
        names = mergedNames;
        entries = mergedEntries;
        pending.clear();
    }
}
