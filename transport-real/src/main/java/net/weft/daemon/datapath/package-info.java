/**
 * Where frames for local containers go, and where captured frames come from. {@code weft launch} opens a
 * {@link net.weft.daemon.datapath.TapDataPath}: the {@code weft} bridge (from datapath-sleeve) with a TAP port,
 * a capture thread feeding {@code Daemon.frameCaptured}, and the TAP as the router's
 * {@link net.weft.daemon.datapath.FrameInjector}. The daemon starts before the bridge exists (the bridge's MAC is
 * the peer name the daemon chooses), so it is given a {@link net.weft.daemon.datapath.LateFrameInjector} that
 * counts frames ({@link net.weft.daemon.datapath.CountingFrameInjector}) until the TAP is plugged in, and for
 * good with {@code --no-datapath}.
 */
package net.weft.daemon.datapath;
