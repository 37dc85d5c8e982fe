package net.weft.core.crypto;

/**
 * What became of one received encrypted sleeve packet. Only {@link #OK} delivers a frame list; the others
 * are dropped without harm to the connection (its health comes from heartbeats) and are worth counting.
 */
public enum SleeveOpenOutcome {
    /** Authentic and new: the frame list was decrypted and the replay window advanced. */
    OK,
    /** Too short to hold header and tag, or handed to the decryptor of the other DF flag. */
    MALFORMED,
    /** The sequence number is more than one replay window behind the newest seen. */
    TOO_OLD,
    /** The sequence number was already accepted (a duplicate or a replay). */
    REPLAY,
    /** Authentication failed: wrong key, a bit flip, a truncated packet or a forgery. */
    FORGED
}
