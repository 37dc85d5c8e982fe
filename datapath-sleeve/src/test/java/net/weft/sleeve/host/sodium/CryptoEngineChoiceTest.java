package net.weft.sleeve.host.sodium;

import static org.assertj.core.api.Assertions.assertThat;

import net.weft.core.crypto.SecretBoxEngine;
import org.junit.jupiter.api.Test;

/** {@code --crypto-engine}: its spellings, and what each choice resolves to on a host with libsodium. */
class CryptoEngineChoiceTest {

    @Test
    void theThreeChoicesParseInAnyCaseAndNothingElseDoes() {
        assertThat(CryptoEngineChoice.parse("auto")).contains(CryptoEngineChoice.AUTO);
        assertThat(CryptoEngineChoice.parse(" Java ")).contains(CryptoEngineChoice.JAVA);
        assertThat(CryptoEngineChoice.parse("LIBSODIUM")).contains(CryptoEngineChoice.LIBSODIUM);
        assertThat(CryptoEngineChoice.parse("sodium")).isEmpty();
        assertThat(CryptoEngineChoice.parse("")).isEmpty();
    }

    @Test
    void javaAlwaysResolvesToThePureJavaEngine() {
        CryptoEngineChoice.Selection s = CryptoEngineChoice.JAVA.select();

        assertThat(s.engines()).isSameAs(SecretBoxEngine.JAVA);
        assertThat(s.detail()).startsWith("java");
    }

    @Test
    void autoAndLibsodiumResolveToTheNativeEngineWhereLibsodiumLoads() {
        SecretBoxEngine.Factory sodium = NativeSodium.engines();

        for (CryptoEngineChoice c : new CryptoEngineChoice[] {CryptoEngineChoice.AUTO, CryptoEngineChoice.LIBSODIUM}) {
            CryptoEngineChoice.Selection s = c.select();
            assertThat(s.engines()).isSameAs(sodium);
            assertThat(s.detail()).matches("libsodium \\d+\\.\\d+\\.\\d+");
        }
    }
}
