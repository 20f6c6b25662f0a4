package dev.safeguard.program.accessreview;

import dev.safeguard.program.Supervision;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A workforce roster's managers for the access-review tests, set by the test: the {@link Supervision} the workforce
 * area implements on its own branch. Primary, so it stays the one these tests use once the real roster is merged.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRoster {

    /** Managers by user id; tests put and remove entries. */
    public static final class Managers implements Supervision {
        private final Map<String, String> managers = new ConcurrentHashMap<>();

        public void set(String userId, String managerId) {
            managers.put(userId, managerId);
        }

        public void clear() {
            managers.clear();
        }

        @Override
        public Optional<String> managerOf(String userId) {
            return Optional.ofNullable(managers.get(userId));
        }
    }

    @Bean
    @Primary
    Managers testRosterManagers() {
        return new Managers();
    }
}
