package net.weft.sleeve.host.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;

class NetlinkEncodingTest {

    private static ByteBuffer host(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    }

    @Test
    void a_request_header_carries_length_type_flags_and_sequence_in_host_order() {
        byte[] m = new NetlinkMessageWriter(18, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP)
                .putInt(0).putInt(0).putInt(0).putInt(0).finish(42);

        assertThat(m).hasSize(32);
        assertThat(host(m).getInt(0)).isEqualTo(32);
        assertThat(host(m).getShort(4)).isEqualTo((short) 18);
        assertThat(host(m).getShort(6)).isEqualTo((short) 0x301);
        assertThat(host(m).getInt(8)).isEqualTo(42);
        assertThat(host(m).getInt(12)).isZero();
    }

    @Test
    void a_string_attribute_is_nul_terminated_and_padded_to_four_bytes() {
        byte[] m = new NetlinkMessageWriter(16, 0).putStringAttribute(3, "weft").finish(1);

        assertThat(m).hasSize(16 + 12);
        assertThat(host(m).getShort(16)).as("attribute length excludes padding").isEqualTo((short) 9);
        assertThat(host(m).getShort(18)).isEqualTo((short) 3);
        assertThat(new String(m, 20, 4)).isEqualTo("weft");
        assertThat(m[24]).isZero();
    }

    @Test
    void a_nested_attribute_spans_its_children_and_carries_the_nested_flag() {
        NetlinkMessageWriter w = new NetlinkMessageWriter(16, 0);
        int outer = w.beginNested(18);
        w.putStringAttribute(1, "veth");
        int inner = w.beginNested(2);
        w.putIntAttribute(4, 1376);
        w.endNested(inner).endNested(outer);
        byte[] m = w.finish(7);

        assertThat(host(m).getShort(16)).isEqualTo((short) (4 + 12 + 4 + 8));
        assertThat(host(m).getShort(18) & 0xffff).isEqualTo(18 | Netlink.NLA_F_NESTED);
        NetlinkMessage parsed = NetlinkMessage.parseAll(m, m.length).orElseThrow().get(0);
        Attributes info = parsed.attributes(0).nested(18);
        assertThat(info.string(1)).contains("veth");
        assertThat(info.nested(2).intValue(4)).hasValue(1376);
    }

    @Test
    void one_datagram_holding_several_aligned_messages_splits_into_all_of_them() {
        byte[] first = new NetlinkMessageWriter(16, Netlink.NLM_F_MULTI).putByteAttribute(1, 9).finish(5);
        byte[] done = new NetlinkMessageWriter(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI).putInt(0).finish(5);
        byte[] datagram = new byte[first.length + done.length];
        System.arraycopy(first, 0, datagram, 0, first.length);
        System.arraycopy(done, 0, datagram, first.length, done.length);

        List<NetlinkMessage> messages = NetlinkMessage.parseAll(datagram, datagram.length).orElseThrow();

        assertThat(messages).extracting(NetlinkMessage::type).containsExactly(16, Netlink.NLMSG_DONE);
        assertThat(messages.get(0).attributes(0).byteValue(1)).hasValue(9);
        assertThat(messages.get(1).isDone()).isTrue();
    }

    @Test
    void an_error_message_yields_the_positive_errno_and_zero_means_acknowledged() {
        byte[] eexist = new NetlinkMessageWriter(Netlink.NLMSG_ERROR, 0).putInt(-17).putInt(16).finish(3);
        byte[] ack = new NetlinkMessageWriter(Netlink.NLMSG_ERROR, 0).putInt(0).putInt(16).finish(3);

        NetlinkMessage error = NetlinkMessage.parseAll(eexist, eexist.length).orElseThrow().get(0);
        NetlinkMessage acknowledged = NetlinkMessage.parseAll(ack, ack.length).orElseThrow().get(0);

        assertThat(error.isErrorOrAck()).isTrue();
        assertThat(error.errno()).isEqualTo(17);
        assertThat(acknowledged.errno()).isZero();
    }

    @Test
    void the_kernels_extended_ack_text_is_found_after_a_capped_echo() {
        NetlinkMessageWriter w = new NetlinkMessageWriter(Netlink.NLMSG_ERROR, 0x100 | 0x200).putInt(-22);
        w.putInt(32).putShort(16).putShort(5).putInt(1).putInt(0);
        w.putStringAttribute(1, "Unknown device type");
        byte[] bytes = w.finish(9);

        NetlinkMessage error = NetlinkMessage.parseAll(bytes, bytes.length).orElseThrow().get(0);

        assertThat(NetlinkSocket.extendedAckText(error)).contains("Unknown device type");
    }

    @Test
    void a_header_claiming_more_bytes_than_received_is_rejected() {
        byte[] m = new NetlinkMessageWriter(16, 0).putInt(1).finish(1);
        host(m).putInt(0, 400);

        assertThat(NetlinkMessage.parseAll(m, m.length)).isEmpty();
    }

    @Test
    void a_truncated_attribute_ends_decoding_but_keeps_the_ones_before_it() {
        byte[] m = new NetlinkMessageWriter(16, 0).putIntAttribute(4, 1500).putIntAttribute(5, 7).finish(1);
        host(m).putShort(24, (short) 200);

        Attributes a = NetlinkMessage.parseAll(m, m.length).orElseThrow().get(0).attributes(0);

        assertThat(a.intValue(4)).hasValue(1500);
        assertThat(a.has(5)).isFalse();
    }

    @Test
    void any_list_of_string_attributes_decodes_to_what_was_encoded() {
        qt().forAll(lists().of(strings().allPossible().ofLengthBetween(0, 40)).ofSizeBetween(0, 12),
                integers().between(0, 0x3fff))
            .checkAssert((values, firstType) -> {
                NetlinkMessageWriter w = new NetlinkMessageWriter(16, 0);
                for (int i = 0; i < values.size(); i++) {
                    w.putStringAttribute((firstType + i) & 0x3fff, ascii(values.get(i)));
                }
                byte[] m = w.finish(1);
                assertThat(m.length % Netlink.ALIGNMENT).isZero();
                Attributes a = NetlinkMessage.parseAll(m, m.length).orElseThrow().get(0).attributes(0);
                for (int i = 0; i < values.size(); i++) {
                    assertThat(a.string((firstType + i) & 0x3fff)).contains(ascii(values.get(i)));
                }
            });
    }

    private static String ascii(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append((char) ('a' + Math.floorMod(c, 26))));
        return sb.toString();
    }
}
