package net.weft.core.forward;

import net.weft.core.id.PeerName;

/** What {@link MacCache#add} did with a MAC seen on a locally captured frame. */
public sealed interface AddResult {

    /** The MAC was new and is now owned by the given peer. */
    AddResult LEARNED = new Learned();
    /** The MAC was already owned by the given peer; its last-seen time may have been refreshed. */
    AddResult KNOWN = new Known();
    /** The cache holds {@link MacCache#maxEntries()} MACs already; the new MAC was not stored. */
    AddResult FULL = new Full();

    /** The MAC was new. */
    record Learned() implements AddResult { }

    /** The MAC was already ours. */
    record Known() implements AddResult { }

    /** The cache was full; nothing changed. */
    record Full() implements AddResult { }

    /** The MAC belongs to another peer; nothing changed. A captured frame with this source is dropped. */
    record Conflict(PeerName owner) implements AddResult { }
}
