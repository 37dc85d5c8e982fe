package net.weft.sim;

import java.util.Arrays;

/**
 * A binary min-heap of pending simulator events ordered by (time, sequence): ties in time keep the order
 * in which the events were scheduled, so a run is a pure function of its seed.
 *
 * <p>Keys live in primitive arrays (time, sequence, slot) so that sifting moves no objects; the event's
 * kind, integer arguments and optional object live in slot arrays recycled through a free list. Popping
 * an event copies it into the caller's {@link Popped} holder, so the hot loop allocates nothing here.
 */
final class EventQueue {

    private static final int INITIAL_CAPACITY = 1024;

    private long[] heapTime = new long[INITIAL_CAPACITY];
    private long[] heapSeq = new long[INITIAL_CAPACITY];
    private int[] heapSlot = new int[INITIAL_CAPACITY];
    private int size;
    private long nextSeq;

    private int[] slotKind = new int[INITIAL_CAPACITY];
    private int[] slotHost = new int[INITIAL_CAPACITY];
    private long[] slotArg = new long[INITIAL_CAPACITY];
    private Object[] slotObject = new Object[INITIAL_CAPACITY];
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int slotsUsed;

    /** The fields of the event popped last. */
    static final class Popped {
        long timeNs;
        int kind;
        int host;
        long arg;
        Object object;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest event; only valid when not empty. */
    long peekTime() {
        return heapTime[0];
    }

    /** Schedules an event; equal times fire in scheduling order. */
    void push(long timeNs, int kind, int host, long arg, Object object) {
        int slot = allocateSlot();
        slotKind[slot] = kind;
        slotHost[slot] = host;
        slotArg[slot] = arg;
        slotObject[slot] = object;
        if (size == heapTime.length) {
            int n = size * 2;
            heapTime = Arrays.copyOf(heapTime, n);
            heapSeq = Arrays.copyOf(heapSeq, n);
            heapSlot = Arrays.copyOf(heapSlot, n);
        }
        siftUp(size++, timeNs, nextSeq++, slot);
    }

    /** Removes the earliest event into {@code out}. */
    void pop(Popped out) {
        int slot = heapSlot[0];
        out.timeNs = heapTime[0];
        out.kind = slotKind[slot];
        out.host = slotHost[slot];
        out.arg = slotArg[slot];
        out.object = slotObject[slot];
        slotObject[slot] = null;
        freeSlots[freeCount++] = slot;
        size--;
        if (size > 0) {
            siftDown(0, heapTime[size], heapSeq[size], heapSlot[size]);
        }
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == slotKind.length) {
            int n = slotsUsed * 2;
            slotKind = Arrays.copyOf(slotKind, n);
            slotHost = Arrays.copyOf(slotHost, n);
            slotArg = Arrays.copyOf(slotArg, n);
            slotObject = Arrays.copyOf(slotObject, n);
            freeSlots = Arrays.copyOf(freeSlots, n);
        }
        return slotsUsed++;
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int index, long time, long seq, int slot) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, seq, heapTime[parent], heapSeq[parent])) {
                break;
            }
            heapTime[i] = heapTime[parent];
            heapSeq[i] = heapSeq[parent];
            heapSlot[i] = heapSlot[parent];
            i = parent;
        }
        heapTime[i] = time;
        heapSeq[i] = seq;
        heapSlot[i] = slot;
    }

    private void siftDown(int index, long time, long seq, int slot) {
        int i = index;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heapTime[right], heapSeq[right], heapTime[child], heapSeq[child])) {
                child = right;
            }
            if (!before(heapTime[child], heapSeq[child], time, seq)) {
                break;
            }
            heapTime[i] = heapTime[child];
            heapSeq[i] = heapSeq[child];
            heapSlot[i] = heapSlot[child];
            i = child;
        }
        heapTime[i] = time;
        heapSeq[i] = seq;
        heapSlot[i] = slot;
    }
}
