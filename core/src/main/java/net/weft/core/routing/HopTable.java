package net.weft.core.routing;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.id.PeerName;
import net.weft.core.topology.TopologyGraph;

/**
 * A route table (destination to next hop, ourselves to {@link PeerName#UNKNOWN}) read straight from a first-hop
 * array, sorted by name because graph indices are: nothing is copied, so asking a {@link Routes} for its table
 * costs no memory however many peers there are. Unmodifiable. Range views ({@link #headMap} and the like) are
 * copies, made on demand.
 */
final class HopTable extends AbstractMap<PeerName, PeerName> implements SortedMap<PeerName, PeerName> {

    private final TopologyGraph graph;
    private final int[] hops;
    private final int selfIndex;
    private final boolean includeSelf;
    private final int size;

    /**
     * {@code selfIndex} must be in the graph; {@code includeSelf}: whether ourselves is a key; {@code reached}: how
     * many entries of {@code hops} are not {@link Bfs#UNSEEN}, ourselves included (the search counted them, so
     * building a table costs nothing per peer).
     */
    HopTable(TopologyGraph graph, int[] hops, int selfIndex, boolean includeSelf, int reached) {
        this.graph = graph;
        this.hops = hops;
        this.selfIndex = selfIndex;
        this.includeSelf = includeSelf;
        this.size = includeSelf ? reached : reached - 1;
    }

    private boolean included(int i) {
        return i == selfIndex ? includeSelf : hops[i] != Bfs.UNSEEN;
    }

    /** The keys as a sorted set (unmodifiable; range views are copies). */
    SortedSet<PeerName> sortedKeys() {
        return new Keys();
    }

    /** {@link #sortedKeys}. */
    private final class Keys extends AbstractSet<PeerName> implements SortedSet<PeerName> {

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            return containsKey(o);
        }

        @Override
        public Iterator<PeerName> iterator() {
            Iterator<Map.Entry<PeerName, PeerName>> entries = entrySet().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public PeerName next() {
                    return entries.next().getKey();
                }
            };
        }

        @Override
        public Comparator<? super PeerName> comparator() {
            return null;
        }

        @Override
        public SortedSet<PeerName> subSet(PeerName fromElement, PeerName toElement) {
            return Collections.unmodifiableSortedSet(new TreeSet<>(this).subSet(fromElement, toElement));
        }

        @Override
        public SortedSet<PeerName> headSet(PeerName toElement) {
            return Collections.unmodifiableSortedSet(new TreeSet<>(this).headSet(toElement));
        }

        @Override
        public SortedSet<PeerName> tailSet(PeerName fromElement) {
            return Collections.unmodifiableSortedSet(new TreeSet<>(this).tailSet(fromElement));
        }

        @Override
        public PeerName first() {
            return firstKey();
        }

        @Override
        public PeerName last() {
            return lastKey();
        }
    }

    private PeerName hopOf(int i) {
        return i == selfIndex ? PeerName.UNKNOWN : graph.name(hops[i]);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public PeerName get(Object key) {
        if (!(key instanceof PeerName name)) {
            return null;
        }
        int i = graph.indexOf(name);
        return i == TopologyGraph.ABSENT || !included(i) ? null : hopOf(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Map.Entry<PeerName, PeerName>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<PeerName, PeerName>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < hops.length && !included(i)) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < hops.length;
                    }

                    @Override
                    public Map.Entry<PeerName, PeerName> next() {
                        if (next >= hops.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next;
                        next = advance(i + 1);
                        return Map.entry(graph.name(i), hopOf(i));
                    }
                };
            }
        };
    }

    @Override
    public Comparator<? super PeerName> comparator() {
        return null;
    }

    @Override
    public SortedMap<PeerName, PeerName> subMap(PeerName fromKey, PeerName toKey) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
    }

    @Override
    public SortedMap<PeerName, PeerName> headMap(PeerName toKey) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
    }

    @Override
    public SortedMap<PeerName, PeerName> tailMap(PeerName fromKey) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
    }

    @Override
    public PeerName firstKey() {
        return entrySet().iterator().next().getKey();
    }

    @Override
    public PeerName lastKey() {
        for (int i = hops.length - 1; i >= 0; i--) {
            if (included(i)) {
                return graph.name(i);
            }
        }
        throw new NoSuchElementException();
    }
}
