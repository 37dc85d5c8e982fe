package net.weft.core.topology;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.id.PeerName;
import net.weft.core.rng.DeterministicRandom;

/**
 * Which peers claim each short id (Weave's {@code byShortID}, notes §1.5). Among the claimants of an id the lowest
 * name is the principal owner; the others collide and, if one of them is us, we pick another id. A short id whose
 * last claimant left stays known as "used before", so that its reuse counts as an invalidation: fast-datapath
 * flows keyed by short ids must then be flushed.
 */
final class ShortIdIndex {

    /** Short ids have 12 bits. */
    static final int SHORT_ID_COUNT = 1 << 12;
    /** Random guesses at a free id before counting the free ones and picking uniformly among them. */
    static final int RANDOM_TRIES = 10;

    private final TreeMap<Integer, TreeSet<PeerName>> claimants = new TreeMap<>();
    private long invalidations;

    /** Records that {@code entry} claims its short id (if it has one). */
    void add(PeerEntry entry) {
        if (!entry.hasShortId()) {
            return;
        }
        TreeSet<PeerName> claim = claimants.get(entry.shortId());
        if (claim == null) {
            claim = new TreeSet<>();
            claimants.put(entry.shortId(), claim);
        } else if (claim.isEmpty() || entry.name().compareTo(claim.first()) < 0) {
            invalidations++;
        }
        claim.add(entry.name());
    }

    /** Records that {@code entry} no longer claims its short id. */
    void remove(PeerEntry entry) {
        if (!entry.hasShortId()) {
            return;
        }
        TreeSet<PeerName> claim = claimants.get(entry.shortId());
        if (claim == null || !claim.contains(entry.name())) {
            return;
        }
        boolean wasPrincipal = claim.first().equals(entry.name());
        claim.remove(entry.name());
        if (wasPrincipal && !claim.isEmpty()) {
            invalidations++;
        }
    }

    /** The principal owner of {@code shortId}: the lowest-named claimant. */
    Optional<PeerName> principal(int shortId) {
        TreeSet<PeerName> claim = claimants.get(shortId);
        return claim == null || claim.isEmpty() ? Optional.empty() : Optional.of(claim.first());
    }

    /** How many times the mapping from short id to principal owner changed after first use. */
    long invalidations() {
        return invalidations;
    }

    /**
     * A short id nobody claims: up to {@link #RANDOM_TRIES} random guesses, then a uniform pick among all free
     * ids; empty when all are taken.
     */
    OptionalInt chooseFree(DeterministicRandom rng) {
        for (int i = 0; i < RANDOM_TRIES; i++) {
            int guess = rng.nextInt(SHORT_ID_COUNT);
            if (isFree(guess)) {
                return OptionalInt.of(guess);
            }
        }
        int free = 0;
        for (int id = 0; id < SHORT_ID_COUNT; id++) {
            free += isFree(id) ? 1 : 0;
        }
        if (free == 0) {
            return OptionalInt.empty();
        }
        int skip = rng.nextInt(free);
        for (int id = 0; id < SHORT_ID_COUNT; id++) {
            if (isFree(id) && skip-- == 0) {
                return OptionalInt.of(id);
            }
        }
        throw new IllegalStateException("free short id count changed while choosing");
    }

    private boolean isFree(int shortId) {
        return principal(shortId).isEmpty();
    }
}
