/** The inputs of the router: the only way anything outside the core changes its state. */
package net.weft.core.input;
