package net.weft.sleeve.fastpath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.weft.core.fastpath.MacSighting;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;

/**
 * The (source MAC, owner) pairs one fast-path thread forwarded for since its last report, each once: a set of
 * longs with open addressing, cleared on every report, so recording a sighting per frame allocates nothing.
 * Bounded: beyond {@link #MAX_SIGHTINGS} distinct pairs per report period the rest are not recorded (their MAC
 * entries then age out and are learned again through the router, which is correct, only slower).
 */
final class Sightings {

    /** Distinct pairs kept per report period. */
    static final int MAX_SIGHTINGS = 4096;
    private static final int CAPACITY = 2 * MAX_SIGHTINGS;
    private static final long EMPTY = 0;

    private final long[] macs = new long[CAPACITY];
    private final PeerName[] owners = new PeerName[CAPACITY];
    private int size;

    /** Records that a frame from {@code mac} (48-bit value, never 0 here) behind {@code owner} was forwarded. */
    void record(long mac, PeerName owner) {
        int i = (int) ((mac * 0x9E37_79B9_7F4A_7C15L) >>> 40) & (CAPACITY - 1);
        while (macs[i] != EMPTY) {
            if (macs[i] == mac && owners[i].equals(owner)) {
                return;
            }
            i = (i + 1) & (CAPACITY - 1);
        }
        if (size == MAX_SIGHTINGS) {
            return;
        }
        macs[i] = mac;
        owners[i] = owner;
        size++;
    }

    /** The recorded pairs, sorted by MAC, and an empty set. */
    List<MacSighting> drain() {
        List<MacSighting> out = new ArrayList<>(size);
        for (int i = 0; i < CAPACITY; i++) {
            if (macs[i] != EMPTY) {
                out.add(new MacSighting(new MacAddress(macs[i]), owners[i]));
            }
        }
        out.sort((a, b) -> a.mac().compareTo(b.mac()));
        Arrays.fill(macs, EMPTY);
        Arrays.fill(owners, null);
        size = 0;
        return out;
    }

    /** How many distinct pairs are recorded. */
    int size() {
        return size;
    }
}
