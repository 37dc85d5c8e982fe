package net.weft.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FeaturesTest {

    private static final List<String> H2_ORDER = List.of("PeerNameFlavour", "Name", "NickName", "ShortID", "UID",
            "ConnID", "Trusted", "Overlays");
    private static final List<String> H1_ORDER = List.of("Overlays", "PeerNameFlavour", "Name", "NickName",
            "ShortID", "UID", "ConnID", "Trusted");

    @Test
    void dialersCapturedFeaturesFrameDecodes() {
        byte[] body = frameBody("features-h2-dialler.hex");
        SortedMap<String, String> features = Features.decode(body).value();
        assertThat(features).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "PeerNameFlavour", "mac", "Name", "aa:00:00:00:00:02", "NickName", "wzh2", "ShortID", "2859",
                "UID", "8065618097236691272", "ConnID", "15496475939425030277", "Trusted", "false",
                "Overlays", "sleeve")));
    }

    @Test
    void listenersCapturedFeaturesFrameDecodes() {
        SortedMap<String, String> features = Features.decode(frameBody("features-h1-listener.hex")).value();
        assertThat(features).hasSize(8)
                .containsEntry("Name", "aa:00:00:00:00:01")
                .containsEntry("NickName", "wzh1")
                .containsEntry("ShortID", "3401")
                .containsEntry("UID", "3113621214081119662")
                .containsEntry("ConnID", "11948220780809602672")
                .containsEntry("Overlays", "sleeve");
    }

    @Test
    void reEncodingInTheCapturedKeyOrderGivesTheCapturedBytes() {
        String[][] captures = {{"features-h2-dialler.hex", "h2"}, {"features-h1-listener.hex", "h1"}};
        for (String[] capture : captures) {
            byte[] body = frameBody(capture[0]);
            SortedMap<String, String> features = Features.decode(body).value();
            List<String> order = capture[1].equals("h2") ? H2_ORDER : H1_ORDER;
            List<Map.Entry<String, String>> entries = new ArrayList<>();
            for (String key : order) {
                entries.add(Map.entry(key, features.get(key)));
            }
            assertThat(Hex.of(Features.encode(entries))).as(capture[0]).isEqualTo(Hex.of(body));
            assertThat(FrameReader.frame(Features.encode(entries))).isEqualTo(Hex.resource(capture[0]));
        }
    }

    @Test
    void sortedMapEncodingIsDeterministicAndRoundTrips() {
        SortedMap<String, String> features = new TreeMap<>(Map.of("b", "2", "a", "1", "Ünïcode", "värde"));
        byte[] once = Features.encode(features);
        assertThat(Features.encode(new TreeMap<>(features))).isEqualTo(once);
        assertThat(Features.decode(once).value()).isEqualTo(features);
        assertThat(Features.decode(Features.encode(new TreeMap<>())).value()).isEmpty();
    }

    @Test
    void repeatedKeyIsACallerBug() {
        assertThatThrownBy(() -> Features.encode(List.of(Map.entry("a", "1"), Map.entry("a", "2"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTruncatedTrailingAndWronglyTypedBodies() {
        byte[] body = frameBody("features-h2-dialler.hex");
        assertThat(Features.decode(Arrays.copyOf(body, body.length - 1)).reason()).startsWith("features:");
        byte[] trailing = Arrays.copyOf(body, body.length + 1);
        assertThat(Features.decode(trailing).reason()).contains("unexpected data after the features map");
        // A bare string where the map should be.
        assertThat(Features.decode(Hex.bytes("05 0c 00 02 68 69")).reason()).contains("type mismatch");
        assertThat(Features.decode(new byte[0]).reason()).contains("no more values");
    }

    @Test
    void rejectsMoreEntriesThanTheLimit() {
        SortedMap<String, String> many = new TreeMap<>();
        for (int i = 0; i <= Features.MAX_ENTRIES; i++) {
            many.put("k" + i, "");
        }
        assertThat(Features.decode(Features.encode(many)).reason()).contains("exceed limit of 1024");
    }

    private static byte[] frameBody(String resource) {
        byte[] frame = Hex.resource(resource);
        return Arrays.copyOfRange(frame, FrameReader.LENGTH_BYTES, frame.length);
    }
}
