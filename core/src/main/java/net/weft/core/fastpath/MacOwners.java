package net.weft.core.fastpath;

import java.util.Arrays;
import java.util.List;
import net.weft.core.view.MacView;
import net.weft.core.id.PeerName;

/**
 * An immutable map from 48-bit MAC to the peer it lives behind, looked up by the MAC's numeric value without
 * boxing or allocation: open addressing with linear probing over a power-of-two array at most half full.
 */
final class MacOwners {

    /** Marks an empty slot: no valid unicast MAC is all ones (that is the broadcast address). */
    private static final long EMPTY = -1L;
    /** The table is at most half full, so probes stay short. */
    private static final int LOAD_DIVISOR = 2;

    private final long[] keys;
    private final PeerName[] owners;
    private final int mask;
    private final int size;

    private MacOwners(long[] keys, PeerName[] owners, int size) {
        this.keys = keys;
        this.owners = owners;
        this.mask = keys.length - 1;
        this.size = size;
    }

    /** The owners of {@code macs} (each MAC once, as the router's cache lists them). */
    static MacOwners of(List<MacView> macs) {
        int capacity = Integer.highestOneBit(Math.max(1, macs.size() * LOAD_DIVISOR)) << 1;
        long[] keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        PeerName[] owners = new PeerName[capacity];
        for (MacView m : macs) {
            long mac = m.mac().value();
            int i = slot(mac, capacity - 1);
            while (keys[i] != EMPTY && keys[i] != mac) {
                i = (i + 1) & (capacity - 1);
            }
            keys[i] = mac;
            owners[i] = m.peer();
        }
        return new MacOwners(keys, owners, macs.size());
    }

    /** The peer behind {@code mac}, or null when unknown. */
    PeerName owner(long mac) {
        int i = slot(mac, mask);
        while (true) {
            long k = keys[i];
            if (k == mac) {
                return owners[i];
            }
            if (k == EMPTY) {
                return null;
            }
            i = (i + 1) & mask;
        }
    }

    /** How many MACs are mapped. */
    int size() {
        return size;
    }

    private static int slot(long mac, int mask) {
        long h = mac * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 40) & mask;
    }
}
