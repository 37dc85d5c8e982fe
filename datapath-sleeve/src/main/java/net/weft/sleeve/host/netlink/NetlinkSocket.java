package net.weft.sleeve.host.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.libc.Errno;
import net.weft.sleeve.host.libc.LibC;
import net.weft.sleeve.host.libc.Libc;

/**
 * A netlink socket that sends one request at a time and collects the kernel's answer.
 *
 * <p>Each request gets the next sequence number; replies carrying another sequence number (left over
 * from an earlier, abandoned exchange) are skipped. An exchange ends with an NLMSG_ERROR for our
 * sequence (errno 0 is the acknowledgement, anything else becomes a {@link HostNetworkException}
 * naming the errno and, when the kernel sent one, its extended-ack text) or with NLMSG_DONE for a dump.
 * A socket belongs to the network namespace it was created in, for its whole life. Not thread-safe:
 * one exchange at a time.
 */
public final class NetlinkSocket implements AutoCloseable {

    /** Largest datagram accepted; the kernel sizes dump chunks well below this. */
    public static final int RECEIVE_BUFFER_BYTES = 64 * 1024;
    /** How often a dump interrupted by a concurrent change (NLM_F_DUMP_INTR) is restarted. */
    public static final int DUMP_ATTEMPTS = 3;
    /** How long to wait for the kernel's answer before giving up (it normally answers in microseconds). */
    public static final int REPLY_TIMEOUT_SECONDS = 30;

    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOCKADDR_NL_BYTES = 12;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int TIMEVAL_BYTES = 16;
    private static final int SOL_NETLINK = 270;
    private static final int NETLINK_CAP_ACK = 10;
    private static final int NETLINK_EXT_ACK = 11;
    private static final int MSG_TRUNC = 0x20;
    private static final int NLM_F_DUMP_INTR = 0x10;
    private static final int NLM_F_CAPPED = 0x100;
    private static final int NLM_F_ACK_TLVS = 0x200;
    private static final int NLMSGERR_ATTR_MSG = 1;
    private static final int ERROR_CODE_BYTES = 4;

    private final LibC libc = Libc.api();
    private final byte[] receiveBuffer = new byte[RECEIVE_BUFFER_BYTES];
    private int fd;
    private int nextSequence = 1;

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /**
     * Opens and binds a netlink socket of the given protocol in the calling thread's network namespace.
     *
     * @param protocol e.g. {@link Netlink#NETLINK_ROUTE}
     */
    public static NetlinkSocket open(int protocol) {
        LibC libc = Libc.api();
        int fd = libc.socket(Netlink.AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
        if (fd < 0) {
            throw HostNetworkException.fromErrno("open a netlink socket", Libc.errno());
        }
        byte[] address = new byte[SOCKADDR_NL_BYTES];
        ByteBuffer.wrap(address).order(ByteOrder.nativeOrder()).putShort((short) Netlink.AF_NETLINK);
        if (libc.bind(fd, address, address.length) < 0) {
            int errno = Libc.errno();
            Libc.closeQuietly(fd);
            throw HostNetworkException.fromErrno("bind a netlink socket", errno);
        }
        byte[] on = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder()).putInt(1).array();
        libc.setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, on, on.length);
        libc.setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, on, on.length);
        byte[] timeout = ByteBuffer.allocate(TIMEVAL_BYTES).order(ByteOrder.nativeOrder())
                .putLong(REPLY_TIMEOUT_SECONDS).putLong(0).array();
        libc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeout, timeout.length);
        return new NetlinkSocket(fd);
    }

    /**
     * Sends a request that expects no data back and waits for its acknowledgement. The writer's flags
     * must include {@link Netlink#NLM_F_REQUEST} and {@link Netlink#NLM_F_ACK}.
     *
     * @param action what the request does, for the error message ("create bridge weft")
     */
    public void execute(String action, NetlinkMessageWriter request) {
        exchange(action, request);
    }

    /**
     * Sends a request and returns the data messages answered before the acknowledgement or NLMSG_DONE:
     * one message for a GET of a single object, many for a dump ({@link Netlink#NLM_F_DUMP}).
     * A dump interrupted by a concurrent change is restarted up to {@link #DUMP_ATTEMPTS} times.
     */
    public List<NetlinkMessage> query(String action, NetlinkMessageWriter request) {
        List<NetlinkMessage> replies = List.of();
        for (int attempt = 0; attempt < DUMP_ATTEMPTS; attempt++) {
            replies = exchange(action, request);
            if (replies.stream().noneMatch(m -> (m.flags() & NLM_F_DUMP_INTR) != 0)) {
                return replies;
            }
        }
        return replies;
    }

    private List<NetlinkMessage> exchange(String action, NetlinkMessageWriter request) {
        ensureOpen();
        int sequence = nextSequence++;
        byte[] bytes = request.finish(sequence);
        if (libc.send(fd, bytes, bytes.length, 0) != bytes.length) {
            throw HostNetworkException.fromErrno(action + " (netlink send)", Libc.errno());
        }
        List<NetlinkMessage> replies = new ArrayList<>();
        while (true) {
            for (NetlinkMessage message : receive(action)) {
                if (message.sequence() != sequence) {
                    continue;
                }
                if (message.isDone()) {
                    return replies;
                }
                if (message.isErrorOrAck()) {
                    if (message.errno() != 0) {
                        throw failure(action, message);
                    }
                    return replies;
                }
                replies.add(message);
            }
        }
    }

    private List<NetlinkMessage> receive(String action) {
        long received;
        do {
            received = libc.recv(fd, receiveBuffer, receiveBuffer.length, MSG_TRUNC);
        } while (received < 0 && Libc.errno() == Errno.EINTR);
        if (received < 0) {
            int errno = Libc.errno();
            String where = errno == Errno.EAGAIN
                    ? " (no answer from the kernel within " + REPLY_TIMEOUT_SECONDS + " s)" : " (netlink receive)";
            throw HostNetworkException.fromErrno(action + where, errno);
        }
        if (received > receiveBuffer.length) {
            throw HostNetworkException.of(HostNetworkException.Reason.FAILED,
                    "cannot " + action + ": netlink reply of " + received + " bytes exceeds the buffer");
        }
        Optional<List<NetlinkMessage>> messages = NetlinkMessage.parseAll(receiveBuffer, (int) received);
        return messages.orElseThrow(() -> HostNetworkException.of(HostNetworkException.Reason.FAILED,
                "cannot " + action + ": malformed netlink reply"));
    }

    private static HostNetworkException failure(String action, NetlinkMessage error) {
        Optional<String> detail = extendedAckText(error);
        return HostNetworkException.fromErrno(action + detail.map(t -> " [kernel: " + t + "]").orElse(""),
                error.errno());
    }

    /** The kernel's extended-ack message, present when NETLINK_EXT_ACK is on and the kernel had one. */
    static Optional<String> extendedAckText(NetlinkMessage error) {
        if ((error.flags() & NLM_F_ACK_TLVS) == 0 || error.payload().length < ERROR_CODE_BYTES + Netlink.HEADER_BYTES) {
            return Optional.empty();
        }
        int echoedBytes = (error.flags() & NLM_F_CAPPED) != 0
                ? Netlink.HEADER_BYTES : error.intAt(ERROR_CODE_BYTES);
        int attributesAt = ERROR_CODE_BYTES + Netlink.align(echoedBytes);
        if (attributesAt > error.payload().length) {
            return Optional.empty();
        }
        return error.attributes(attributesAt).string(NLMSGERR_ATTR_MSG).filter(t -> !t.isEmpty());
    }

    private void ensureOpen() {
        if (fd < 0) {
            throw new IllegalStateException("netlink socket already closed");
        }
    }

    /** Closes the socket; later calls fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        Libc.closeQuietly(fd);
        fd = -1;
    }
}
