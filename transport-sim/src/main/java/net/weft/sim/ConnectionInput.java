package net.weft.sim;

import net.weft.core.input.Input;

/**
 * An input in flight to one side of a connection; dropped on arrival if that side is no longer open.
 *
 * <p>Bytes in flight are the bulk of a large simulation's memory (a start-up burst holds millions of messages at
 * once), so they travel as the bare array the sender emitted (shared with any other neighbour the same message
 * went to) and become a {@link Input.BytesReceived} only on arrival: one object per message in flight, not two.
 *
 * @param carried an {@link Input}, or the {@code byte[]} of a {@code BytesReceived} for that side's connection id
 */
record ConnectionInput(SimConnection connection, int side, Object carried) {

    /** Bytes for {@code side} of {@code connection}. */
    static ConnectionInput bytes(SimConnection connection, int side, byte[] bytes) {
        return new ConnectionInput(connection, side, bytes);
    }

    /** Any other input for {@code side} of {@code connection}. */
    static ConnectionInput of(SimConnection connection, int side, Input input) {
        return new ConnectionInput(connection, side, input);
    }

    /** The input this delivers. */
    Input input() {
        if (carried instanceof byte[] b) {
            return new Input.BytesReceived(connection.id[side], b);
        }
        return (Input) carried;
    }
}
