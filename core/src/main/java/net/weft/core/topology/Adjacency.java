package net.weft.core.topology;

import java.util.Arrays;

/**
 * One edge set of a {@link TopologyGraph} in compressed sparse rows: the neighbours of every peer in one int array,
 * peer by peer, and where each peer's run starts. Against an array per peer this saves an object header and its
 * padding per peer (a simulation of 10,000 routers holds 10,000 graphs of 10,000 peers), and copying or remapping
 * every row is one pass over two arrays. Immutable once built; rows are ascending and distinct.
 */
final class Adjacency {

    private final int[] start;
    private final int[] edges;

    private Adjacency(int[] start, int[] edges) {
        this.start = start;
        this.edges = edges;
    }

    /** Number of peers. */
    int size() {
        return start.length - 1;
    }

    /** Neighbours of {@code row}. */
    int degree(int row) {
        return start[row + 1] - start[row];
    }

    /** The {@code k}-th neighbour of {@code row}. */
    int neighbour(int row, int k) {
        return edges[start[row] + k];
    }

    /** True when {@code row} has {@code target} as a neighbour. */
    boolean has(int row, int target) {
        return Arrays.binarySearch(edges, start[row], start[row + 1], target) >= 0;
    }

    /** Total number of edges. */
    int edgeCount() {
        return start[start.length - 1];
    }

    /** Row {@code row} as a fresh array. */
    int[] row(int row) {
        return Arrays.copyOfRange(edges, start[row], start[row + 1]);
    }

    /** Builds an adjacency row by row, in row order. */
    static final class Builder {

        private final int[] start;
        private int[] edges;
        private int rows;

        /** A builder for {@code size} rows, expecting about {@code expectedEdges} edges in all. */
        Builder(int size, int expectedEdges) {
            this.start = new int[size + 1];
            this.edges = new int[Math.max(expectedEdges, 0)];
        }

        /** Appends the next row (ascending, distinct). */
        Builder add(int[] row) {
            return add(row, row.length);
        }

        /** Appends the first {@code length} entries of {@code row} as the next row (ascending, distinct). */
        Builder add(int[] row, int length) {
            int at = reserve(length);
            System.arraycopy(row, 0, edges, at, length);
            return this;
        }

        /** Appends rows {@code from} (inclusive) to {@code to} (exclusive) of {@code old} unchanged, in one copy. */
        Builder addRows(Adjacency old, int from, int to) {
            if (from >= to) {
                return this;
            }
            int begin = old.start[from];
            int length = old.start[to] - begin;
            int at = start[rows];
            if (at + length > edges.length) {
                edges = Arrays.copyOf(edges, Math.max(edges.length * 2, at + length));
            }
            System.arraycopy(old.edges, begin, edges, at, length);
            int shift = at - begin;
            for (int r = from + 1; r <= to; r++) {
                start[++rows] = old.start[r] + shift;
            }
            return this;
        }

        /**
         * Appends row {@code oldRow} of {@code old} with every neighbour {@code i} renamed {@code oldToNew[i]} and
         * those mapped to a negative index left out ({@code oldToNew} must be increasing where non-negative, so the
         * row stays ascending).
         *
         * @return true when no neighbour was left out
         */
        boolean addRemapped(Adjacency old, int oldRow, int[] oldToNew) {
            int from = old.start[oldRow];
            int length = old.start[oldRow + 1] - from;
            int at = reserve(length);
            int n = 0;
            for (int k = 0; k < length; k++) {
                int mapped = oldToNew[old.edges[from + k]];
                if (mapped >= 0) {
                    edges[at + n++] = mapped;
                }
            }
            start[rows] = at + n;
            return n == length;
        }

        /** The adjacency; every row must have been added. */
        Adjacency build() {
            if (rows != start.length - 1) {
                throw new IllegalStateException(rows + " of " + (start.length - 1) + " rows added");
            }
            int total = start[rows];
            return new Adjacency(start, total == edges.length ? edges : Arrays.copyOf(edges, total));
        }

        /** Room for a row of up to {@code length} edges; returns where it starts and records its end. */
        private int reserve(int length) {
            int at = start[rows];
            if (at + length > edges.length) {
                edges = Arrays.copyOf(edges, Math.max(edges.length * 2, at + length));
            }
            rows++;
            start[rows] = at + length;
            return at;
        }
    }
}
