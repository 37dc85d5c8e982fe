package net.weft.sleeve.host.sodium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import net.weft.core.crypto.SecretBoxEngine;

/**
 * The loaded libsodium engines for tests. Off CI a host without libsodium skips the native tests; on CI
 * ({@code CI=true}, where {@code .ci/run} installs {@code libsodium23}) a missing library fails them, so they
 * can never pass by not running.
 */
final class NativeSodium {

    private NativeSodium() {
    }

    /** The native factory, failing on CI and skipping elsewhere when libsodium does not load. */
    static SecretBoxEngine.Factory engines() {
        Sodium.Loaded loaded = Sodium.load();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(loaded.available()).as("libsodium must load on CI: %s", loaded.detail()).isTrue();
        }
        assumeTrue(loaded.available(), loaded.detail());
        return loaded.engines().get();
    }
}
