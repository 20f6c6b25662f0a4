package dev.safeguard;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every test that boots the server (and so touches the database) runs on SQLite and on PostgreSQL, except the browser
 * tests: they drive the console, which reaches the database only through the services those tests cover on both, and
 * run on SQLite, the embedded default.
 */
class DatabaseCoverageTests {

    private static final String BROWSER_TEST = "dev.safeguard.console.BrowserTest";

    @Test
    void everyServerTestRunsOnBothDatabases() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.safeguard");
        Set<JavaClass> abstractTests = classes.stream()
                .filter(c -> c.isAssignableTo(ServerTest.class) && !c.isEquivalentTo(ServerTest.class)
                        && !c.isAssignableTo(BROWSER_TEST) && c.getModifiers().contains(JavaModifier.ABSTRACT))
                .collect(Collectors.toSet());
        assertThat(abstractTests).as("server test classes").isNotEmpty();
        for (JavaClass test : abstractTests) {
            Set<Database> covered = EnumSet.noneOf(Database.class);
            classes.stream().filter(c -> c.isAssignableTo(test.getName())
                            && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                    .forEach(c -> c.tryGetAnnotationOfType(OnDatabase.class).ifPresent(on -> covered.add(on.value())));
            assertThat(covered).as(test.getSimpleName() + " runs on").containsExactlyInAnyOrder(Database.values());
        }
        classes.stream().filter(c -> c.isAssignableTo(ServerTest.class)
                        && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .forEach(c -> assertThat(c.isAnnotatedWith(OnDatabase.class))
                        .as(c.getSimpleName() + " names its database with @OnDatabase").isTrue());
        assertThat(Arrays.asList(Database.values())).containsExactly(Database.SQLITE, Database.POSTGRES);
    }

    @Test
    void browserTestsRunOnTheEmbeddedDefault() {
        var browserTests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.safeguard").stream()
                .filter(c -> c.isAssignableTo(BROWSER_TEST) && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .toList();
        assertThat(browserTests).as("browser test classes").isNotEmpty();
        browserTests.forEach(c -> assertThat(c.tryGetAnnotationOfType(OnDatabase.class).map(OnDatabase::value))
                .as(c.getSimpleName() + " runs on").contains(Database.SQLITE));
    }
}
