package net.weft.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core owns no I/O: no sockets, channels, threads, executors, clocks or entropy. These rules fail the
 * build the moment such a dependency creeps in, so the simulator and the property tests stay deterministic.
 */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("net.weft.core");
    }

    @Test
    void coreUsesNoNetworkingUiOrChannels() {
        ArchRule rule = noClasses().that().resideInAPackage("net.weft.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "javafx..", "java.net..",
                        "java.nio.channels..", "java.nio.file..", "jnr..")
                .orShould().dependOnClassesThat().areAssignableTo(java.io.File.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.io.FileInputStream.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.io.FileOutputStream.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.io.RandomAccessFile.class)
                .because("the core is a deterministic state machine; hosts do the I/O");
        rule.check(core);
    }

    @Test
    void coreStartsNoThreadsAndUsesNoExecutors() {
        ArchRule rule = noClasses().that().resideInAPackage("net.weft.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Timer.class)
                .because("the core is single-threaded; hosts own the threads");
        rule.check(core);
    }

    @Test
    void coreReadsNoClock() {
        ArchRule rule = noClasses().that().resideInAPackage("net.weft.core..")
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .because("time is an input of step(now, input)");
        rule.check(core);
    }

    @Test
    void coreUsesNoUnseededRandomness() {
        ArchRule rule = noClasses().that().resideInAPackage("net.weft.core..")
                .should().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.security.SecureRandom.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .because("randomness comes from the seeded DeterministicRandom given to the router");
        rule.check(core);
    }
}
