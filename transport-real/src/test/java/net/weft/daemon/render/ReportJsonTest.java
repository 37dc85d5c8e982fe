package net.weft.daemon.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private final Object weave = MiniJson.parse(Captures.read("report-h1.json"));
    private final Object ours = MiniJson.parse(ReportJson.render(Fixtures.snapshot(Fixtures.h1View(), List.of())));

    @Test
    void router_identity_and_topology_match_weaves_report_field_for_field() {
        for (String field : List.of("Protocol", "ProtocolMinVersion", "ProtocolMaxVersion", "Encryption",
                "PeerDiscovery", "Name", "NickName", "Port", "Peers", "UnicastRoutes", "BroadcastRoutes",
                "Connections", "TerminationCount", "OverlayDiagnostics", "TrustedSubnets")) {
            assertThat(MiniJson.at(ours, "Router", field)).as(field).isEqualTo(MiniJson.at(weave, "Router", field));
        }
    }

    @Test
    void top_level_fields_and_mac_cache_entries_have_weaves_names_and_order() {
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) ours;
        assertThat(top.keySet()).startsWith("Ready", "Version", "VersionCheck", "Router");
        assertThat(MiniJson.at(ours, "VersionCheck")).isEqualTo(MiniJson.at(weave, "VersionCheck"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> macs = (List<Map<String, Object>>) MiniJson.at(ours, "Router", "MACs");
        assertThat(macs).extracting(m -> m.get("Mac"), m -> m.get("Name"), m -> m.get("NickName"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2e:38:cf:7e:6f:14", "aa:00:00:00:00:01", "wzh1"),
                        org.assertj.core.groups.Tuple.tuple("2e:78:cb:48:28:af", "aa:00:00:00:00:03", "wzh3"),
                        org.assertj.core.groups.Tuple.tuple("3a:c5:74:bc:ea:84", "aa:00:00:00:00:02", "wzh2"));
        assertThat(macs.get(0).get("LastSeen")).isEqualTo("2026-11-28T18:12:37.493Z");
    }

    @Test
    void targets_in_trouble_appear_as_connections_with_their_reason() {
        Object report = MiniJson.parse(ReportJson.render(Fixtures.snapshot(Fixtures.troubledView(),
                List.of("192.0.2.9"))));

        assertThat(MiniJson.at(report, "Router", "Connections", 1, "State")).isEqualTo("failed");
        assertThat((String) MiniJson.at(report, "Router", "Connections", 1, "Info"))
                .startsWith("dial tcp 192.0.2.9:6783: connect: connection refused, retry: ");
        assertThat(MiniJson.at(report, "Router", "Targets")).isEqualTo(List.of("192.0.2.9"));
        assertThat(MiniJson.at(report, "Router", "TerminationCount")).isEqualTo("3");
        assertThat(MiniJson.at(report, "Weft", "CoreCounters", "gossip.sent")).isEqualTo("12");
    }
}
