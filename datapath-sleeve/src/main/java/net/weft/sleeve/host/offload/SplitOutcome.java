package net.weft.sleeve.host.offload;

/**
 * What {@link GsoSplitter#split} did with one header+frame: emitted it (as is, checksummed or cut into
 * segments) or rejected it with a reason fit for a log line. An enum so that no object is made per call.
 */
public enum SplitOutcome {

    /** A complete frame, emitted unchanged. */
    PASSED(true, "frame passed as is"),
    /** A frame whose transport checksum was still open; computed, stored and emitted. */
    CHECKSUMMED(true, "checksum completed"),
    /** A TCP super-frame, emitted as wire-sized segments. */
    SEGMENTED(true, "super-frame segmented"),

    TOO_SHORT(false, "shorter than a virtio header"),
    BAD_CHECKSUM_RANGE(false, "checksum start/offset outside the frame"),
    UNSUPPORTED_GSO_TYPE(false, "GSO type other than TCPv4/TCPv6"),
    ZERO_GSO_SIZE(false, "GSO size 0"),
    NOT_IP(false, "GSO frame is neither IPv4 nor IPv6 (or is truncated)"),
    GSO_TYPE_MISMATCH(false, "GSO type does not match the IP version"),
    BAD_IPV4_HEADER(false, "IPv4 header length, version or options out of bounds"),
    IP_FRAGMENT(false, "IP fragment"),
    NOT_TCP(false, "not TCP (or IPv6 extension headers)"),
    BAD_IP_LENGTH(false, "IP length beyond the frame or shorter than the headers"),
    BAD_TCP_HEADER(false, "TCP header length out of bounds"),
    NO_PAYLOAD(false, "GSO super-frame without payload"),
    TOO_MANY_SEGMENTS(false, "more segments than GsoSplitter.MAX_SEGMENTS");

    private final boolean emitted;
    private final String reason;

    SplitOutcome(boolean emitted, String reason) {
        this.emitted = emitted;
        this.reason = reason;
    }

    /** True when frames were emitted; false for a rejection (nothing was emitted). */
    public boolean emitted() {
        return emitted;
    }

    /** A short description (the rejection reason for rejections). */
    public String reason() {
        return reason;
    }
}
