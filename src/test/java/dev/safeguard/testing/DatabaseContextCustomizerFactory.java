package dev.safeguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * For a class annotated {@link OnDatabase}: a fresh data directory, key directory, database and backup directories, a
 * {@link MutableClock} and a {@link RecordingOperatorConsole} as primary beans. The customizer is keyed by the test
 * class, so every test class gets a context (and a database) of its own.
 */
public class DatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> attributes) {
        OnDatabase on = AnnotatedElementUtils.findMergedAnnotation(testClass, OnDatabase.class);
        return on == null ? null : new Customizer(testClass.getName(), on.value());
    }

    private record Customizer(String testClass, Database database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            try {
                Path root = Files.createTempDirectory("safeguard-test-");
                Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                        "safeguard.data-dir", root.resolve("data").toString(),
                        "safeguard.keys-dir", root.resolve("keys").toString(),
                        "safeguard.audit.checkpoint-file", root.resolve("checkpoints/audit.jsonl").toString(),
                        "safeguard.backup.dir", root.resolve("backups").toString(),
                        "safeguard.backup.keys-dir", root.resolve("key-backups").toString(),
                        "safeguard.backup.drill-dir", root.resolve("drills").toString()));
                if (database == Database.POSTGRES) {
                    EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.newDatabase();
                    properties.put("safeguard.db-url", db.url());
                    properties.put("safeguard.db-username", db.username());
                    properties.put("safeguard.db-password", db.password());
                }
                context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("safeguard-test-" + testClass, properties));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context.getBeanFactory();
            RootBeanDefinition clock = new RootBeanDefinition(MutableClock.class);
            clock.setPrimary(true);
            registry.registerBeanDefinition("testClock", clock);
            RootBeanDefinition console = new RootBeanDefinition(RecordingOperatorConsole.class);
            console.setPrimary(true);
            registry.registerBeanDefinition("testOperatorConsole", console);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer c && c.testClass.equals(testClass) && c.database == database;
        }

        @Override
        public int hashCode() {
            return Objects.hash(testClass, database);
        }
    }
}
