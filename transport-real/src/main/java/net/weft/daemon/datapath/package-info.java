/**
 * Where frames for local containers go. The bridge and container plumbing is a separate module
 * (datapath-sleeve); until it plugs in, {@link net.weft.daemon.datapath.CountingFrameInjector} counts what the
 * router asked to deliver.
 */
package net.weft.daemon.datapath;
