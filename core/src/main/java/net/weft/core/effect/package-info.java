/** The outputs of the router: records the host executes. No effect performs I/O by itself. */
package net.weft.core.effect;
