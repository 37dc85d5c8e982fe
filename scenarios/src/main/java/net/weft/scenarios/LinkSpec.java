package net.weft.scenarios;

import java.util.List;

/** How a scenario links its peers in the underlay. */
public sealed interface LinkSpec {

    /** Exactly these pairs. */
    record Explicit(List<List<String>> pairs) implements LinkSpec {
        /** Defensive copy. */
        public Explicit {
            pairs = List.copyOf(pairs);
        }
    }

    /** A random connected partial mesh with about {@code degree} links per peer, drawn from the seed. */
    record Random(int degree) implements LinkSpec { }

    /** Each peer to the next, and the last to the first. */
    record Ring() implements LinkSpec { }

    /** Each peer to the next. */
    record Line() implements LinkSpec { }

    /** The first peer to every other. */
    record Star() implements LinkSpec { }

    /** Every peer to every other. */
    record Full() implements LinkSpec { }
}
