package dev.safeguard.backup;

import dev.safeguard.SafeguardApplication;
import dev.safeguard.testing.Api;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tests: a second, complete Safeguard server (HTTPS on a free port, the real clock) started on a restored data
 * directory with the original installation's keys, as an operator would start it after a restore.
 */
final class RestoredServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final RestoreTarget target;

    private RestoredServer(ConfigurableApplicationContext context, RestoreTarget target) {
        this.context = context;
        this.target = target;
    }

    static RestoredServer start(RestoreTarget target, Path keysDir, Path scratch) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--safeguard.data-dir=" + target.dataDir(),
                "--safeguard.audit.checkpoint-file=" + target.checkpointFile(),
                "--safeguard.keys-dir=" + keysDir,
                "--safeguard.db-url=" + (target.postgres() ? target.dbUrl() : ""),
                "--safeguard.backup.dir=" + scratch.resolve("restored-backups"),
                "--safeguard.backup.keys-dir=" + scratch.resolve("restored-key-backups"),
                "--safeguard.backup.scheduled=false",
                "--logging.level.root=WARN"));
        if (target.postgres()) {
            args.add("--safeguard.db-username=" + target.dbUsername());
            args.add("--safeguard.db-password=" + target.dbPassword());
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SafeguardApplication.class)
                .run(args.toArray(String[]::new));
        return new RestoredServer(context, target);
    }

    Api client() {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return new Api(URI.create("https://localhost:" + port + "/"), target.dataDir().resolve("tls/server.crt"));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
