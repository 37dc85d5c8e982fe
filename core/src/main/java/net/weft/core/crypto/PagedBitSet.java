package net.weft.core.crypto;

import java.util.Arrays;

/**
 * A fixed-size set of bit indexes whose storage is allocated in pages on first use. A replay window spans
 * 2^20 sequence numbers, but most connections use only the start of it, so a simulation with thousands of
 * connections should not pay 128 KiB per window up front.
 */
final class PagedBitSet {

    /** Bits per page (a 512-byte page of 64 longs). */
    static final int PAGE_BITS = 4096;
    private static final int PAGE_SHIFT = Integer.numberOfTrailingZeros(PAGE_BITS);
    private static final int WORD_SHIFT = 6;

    private final int sizeBits;
    private final long[][] pages;

    /** A set able to hold indexes {@code 0 <= i < sizeBits}; sizeBits must be a multiple of the page size. */
    PagedBitSet(int sizeBits) {
        if (sizeBits <= 0 || sizeBits % PAGE_BITS != 0) {
            throw new IllegalArgumentException("size must be a positive multiple of " + PAGE_BITS);
        }
        this.sizeBits = sizeBits;
        this.pages = new long[sizeBits / PAGE_BITS][];
    }

    /** True when {@code index} is in the set. */
    boolean get(int index) {
        checkIndex(index);
        long[] page = pages[index >>> PAGE_SHIFT];
        return page != null && (page[(index & (PAGE_BITS - 1)) >>> WORD_SHIFT] & (1L << index)) != 0;
    }

    /** Adds {@code index}. */
    void set(int index) {
        checkIndex(index);
        int pageIndex = index >>> PAGE_SHIFT;
        long[] page = pages[pageIndex];
        if (page == null) {
            page = new long[PAGE_BITS / Long.SIZE];
            pages[pageIndex] = page;
        }
        page[(index & (PAGE_BITS - 1)) >>> WORD_SHIFT] |= 1L << index;
    }

    /** Empties the set and releases its pages. */
    void clear() {
        Arrays.fill(pages, null);
    }

    /** Pages currently allocated (for memory accounting in tests). */
    int allocatedPages() {
        int n = 0;
        for (long[] page : pages) {
            if (page != null) {
                n++;
            }
        }
        return n;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= sizeBits) {
            throw new IndexOutOfBoundsException("bit " + index + " outside 0.." + (sizeBits - 1));
        }
    }
}
