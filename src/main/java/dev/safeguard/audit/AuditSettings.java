package dev.safeguard.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Audit trail settings, validated at start-up.
 *
 * @param checkpointFile   where signed tree heads are appended outside the database (default
 *                         {@code ./checkpoints/audit-tree-heads.jsonl}); must not be inside the data directory
 * @param queueCapacity    events that may wait for the appender before callers get 503 (default 10,000)
 * @param batchSize        events per transaction at most (default 512)
 * @param treeHeadEvery    sign a tree head after this many new events (default 1,000)
 * @param treeHeadInterval ... or after this much time with new events (default 10 s)
 * @param appendTimeout    how long a caller waits for its commit before getting 503 (default 10 s)
 * @param nodeId           this node's name in events (default: the host name)
 * @param verifyChunk      events per unit of work of the parallel verifier (default 32,768)
 */
@ConfigurationProperties("safeguard.audit")
public record AuditSettings(Path checkpointFile, int queueCapacity, int batchSize, int treeHeadEvery,
                            Duration treeHeadInterval, Duration appendTimeout, String nodeId,
                            int verifyChunk) {

    public AuditSettings {
        checkpointFile = checkpointFile == null ? Path.of("checkpoints", "audit-tree-heads.jsonl") : checkpointFile;
        queueCapacity = queueCapacity <= 0 ? 10_000 : queueCapacity;
        batchSize = batchSize <= 0 ? 512 : batchSize;
        treeHeadEvery = treeHeadEvery <= 0 ? 1_000 : treeHeadEvery;
        treeHeadInterval = treeHeadInterval == null ? Duration.ofSeconds(10) : treeHeadInterval;
        appendTimeout = appendTimeout == null ? Duration.ofSeconds(10) : appendTimeout;
        verifyChunk = verifyChunk <= 0 ? 32_768 : verifyChunk;
        if (nodeId == null || nodeId.isBlank()) {
            String host = System.getenv("HOSTNAME");
            nodeId = host == null || host.isBlank() ? "node-1" : host;
        }
    }
}
