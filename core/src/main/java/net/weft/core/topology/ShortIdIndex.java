package net.weft.core.topology;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
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

    /** Claimants of each 12-bit id, sorted by name; null: never claimed, empty: claimed before, free now. */
    private final PeerName[][] claimants = new PeerName[SHORT_ID_COUNT][];
    /** Claimants of ids outside 12 bits (a peer may announce any 16-bit id), same convention. */
    private final TreeMap<Integer, PeerName[]> otherClaimants = new TreeMap<>();
    private long invalidations;

    /** Records that {@code entry} claims its short id (if it has one). */
    void add(PeerEntry entry) {
        if (!entry.hasShortId()) {
            return;
        }
        PeerName[] claim = claim(entry.shortId());
        if (claim == null) {
            claim = new PeerName[0];
        } else if (claim.length == 0 || entry.name().compareTo(claim[0]) < 0) {
            invalidations++;
        }
        int at = Arrays.binarySearch(claim, entry.name());
        if (at < 0) {
            int insert = -at - 1;
            PeerName[] grown = new PeerName[claim.length + 1];
            System.arraycopy(claim, 0, grown, 0, insert);
            grown[insert] = entry.name();
            System.arraycopy(claim, insert, grown, insert + 1, claim.length - insert);
            claim = grown;
        }
        setClaim(entry.shortId(), claim);
    }

    /** Records that {@code entry} no longer claims its short id. */
    void remove(PeerEntry entry) {
        if (!entry.hasShortId()) {
            return;
        }
        PeerName[] claim = claim(entry.shortId());
        int at = claim == null ? -1 : Arrays.binarySearch(claim, entry.name());
        if (at < 0) {
            return;
        }
        PeerName[] shrunk = new PeerName[claim.length - 1];
        System.arraycopy(claim, 0, shrunk, 0, at);
        System.arraycopy(claim, at + 1, shrunk, at, claim.length - at - 1);
        setClaim(entry.shortId(), shrunk);
        if (at == 0 && shrunk.length > 0) {
            invalidations++;
        }
    }

    /** The principal owner of {@code shortId}: the lowest-named claimant. */
    Optional<PeerName> principal(int shortId) {
        PeerName[] claim = claim(shortId);
        return claim == null || claim.length == 0 ? Optional.empty() : Optional.of(claim[0]);
    }

    private PeerName[] claim(int shortId) {
        return shortId >= 0 && shortId < SHORT_ID_COUNT ? claimants[shortId] : otherClaimants.get(shortId);
    }

    private void setClaim(int shortId, PeerName[] claim) {
        if (shortId >= 0 && shortId < SHORT_ID_COUNT) {
            claimants[shortId] = claim;
        } else {
            otherClaimants.put(shortId, claim);
        }
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
