package net.weft.core.overlay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The data-plane packages stay sans-I/O: no sockets, threads, clocks or unseeded randomness. */
class DataPlaneIsolationTest {

    private static final JavaClasses DATA_PLANE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("net.weft.core.forward", "net.weft.core.overlay");

    @Test
    void dataPlaneDoesNoIoAndKeepsNoThreadsOrClocks() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("java.net..", "java.nio.channels..", "java.util.concurrent..", "java.io..")
                .check(DATA_PLANE);
        noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Random").orShould().dependOnClassesThat()
                .haveFullyQualifiedName("java.security.SecureRandom").orShould().dependOnClassesThat()
                .haveFullyQualifiedName("java.lang.Thread").orShould().dependOnClassesThat()
                .haveFullyQualifiedName("java.time.Instant").orShould()
                .callMethod(System.class, "nanoTime").orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(DATA_PLANE);
    }
}
