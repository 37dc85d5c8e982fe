package net.weft.sleeve.host.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.HostNetworkException.Reason;
import net.weft.sleeve.host.HostTools;
import net.weft.sleeve.host.rtnl.LinkInfo;
import net.weft.sleeve.host.rtnl.Rtnetlink;

class NetworkNamespaceTest {

    @Test
    void digits_name_a_process_and_anything_else_a_named_namespace() {
        assertThat(NetworkNamespace.parse("123").path()).isEqualTo(Path.of("/proc/123/ns/net"));
        assertThat(NetworkNamespace.parse("wfp1").path()).isEqualTo(Path.of("/var/run/netns/wfp1"));
        assertThatThrownBy(() -> NetworkNamespace.named("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void work_runs_inside_the_namespace_and_the_calling_thread_never_changes_namespace() throws IOException {
        HostTools.assumeRootWithIp();
        String name = HostTools.createNamespace();
        try {
            long own = inode(NetworkNamespace.OWN_THREAD_NAMESPACE);
            NetworkNamespace ns = NetworkNamespace.named(name);

            long seenInside = ns.callInside(() -> inode(NetworkNamespace.OWN_THREAD_NAMESPACE));
            try (Rtnetlink inside = Rtnetlink.openInside(ns)) {
                assertThat(inside.links()).extracting(LinkInfo::name).containsExactly("lo");
            }
            assertThatThrownBy(() -> ns.runInside(() -> {
                throw new IllegalStateException("failed inside");
            })).hasMessage("failed inside");

            assertThat(seenInside).isEqualTo(inode(ns.path().toString())).isNotEqualTo(own);
            assertThat(inode(NetworkNamespace.OWN_THREAD_NAMESPACE)).isEqualTo(own);
        } finally {
            HostTools.deleteNamespace(name);
        }
    }

    @Test
    void entering_a_namespace_that_does_not_exist_fails_before_running_anything() {
        NetworkNamespace missing = NetworkNamespace.named(HostTools.uniqueName("wfnone"));
        boolean[] ran = {false};

        assertThatThrownBy(() -> missing.runInside(() -> ran[0] = true))
                .isInstanceOfSatisfying(HostNetworkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NAMESPACE_MISSING));
        assertThat(ran[0]).isFalse();
    }

    /** The namespace's inode number, which identifies it (as {@code ip netns identify} does). */
    private static long inode(String path) {
        try {
            return ((Number) Files.getAttribute(Path.of(path), "unix:ino")).longValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
