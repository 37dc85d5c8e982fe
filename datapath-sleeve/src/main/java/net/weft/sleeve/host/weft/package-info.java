/**
 * Weft's policy on top of the generic plumbing: which bridge, which names, which MTU, and the
 * attach/detach/ps/expose/reset operations behind the commands of the same names.
 *
 * <p>Weft keeps no state file: everything is found again by name. A container attached from namespace
 * {@code N} has a veth pair {@code vethwepl<id>} (host end, a port of the {@code weft} bridge) and
 * {@code ethwe} inside {@code N} (created as {@code vethwepg<id>}, moved, renamed), where {@code <id>} is
 * derived from {@code N} by {@link net.weft.sleeve.host.weft.WeftNames#interfaceId}; its MAC is derived
 * from the same name, so attaching again gives the same MAC. {@code reset} deletes the bridge and links
 * named {@code vethwe*} or {@code weft-tap*} in the host namespace, and nothing else.
 */
package net.weft.sleeve.host.weft;
