package net.weft.sim;

import net.weft.core.input.Input;

/** An input in flight to one side of a connection; dropped on arrival if that side is no longer open. */
record ConnectionInput(SimConnection connection, int side, Input input) { }
