package net.weft.daemon.loop;

import net.weft.core.effect.Effect;

/** Carries out the router's effects on real sockets. Called only on the router thread. */
public interface EffectExecutor {

    /** Executes one effect; effects of a turn arrive in the order the router emitted them. */
    void execute(Effect effect);

    /** The turn is over: flush whatever was buffered. */
    void endOfTurn();
}
