package dev.safeguard;

import dev.safeguard.audit.AuditEvent;
import dev.safeguard.audit.AuditIntegrity;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.audit.AuditVerification;
import dev.safeguard.backup.BackupCommandLine;
import dev.safeguard.records.RecordIntegrity;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Safeguard: one jar that is the HTTPS server ({@code java -jar safeguard.jar}) and the operator's tool
 * ({@code java -jar safeguard.jar <command>}). Commands print a human-readable result, exit non-zero on failure, and
 * record what they did in the audit trail.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SafeguardApplication {

    static final String USAGE = """
            Usage: java -jar safeguard.jar [--property=value ...]    start the server
                   java -jar safeguard.jar audit verify               recompute and check the whole audit trail
                   java -jar safeguard.jar records verify             check every stored resource version (MAC, digest,
                                                                      decryption) and the current-version pointers
                   java -jar safeguard.jar backup create|verify|restore|list|keys ...
                                                                      encrypted backups, restore, key backup
                                                                      (java -jar safeguard.jar backup help)
                   java -jar safeguard.jar help                       show this text
            Configuration comes from environment variables (SAFEGUARD_DATA_DIR, SAFEGUARD_DB_URL, ...); see README.md.
            """;

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            SpringApplication.run(SafeguardApplication.class, args);
            return;
        }
        // Operator commands write to the terminal, not to the structured log.
        PrintStream out = System.out;
        if (args[0].equals("backup")) {
            System.exit(backup(Arrays.asList(args).subList(1, args.length), out));
        }
        String command = String.join(" ", args);
        int status = switch (command) {
            case "help", "--help" -> {
                out.print(USAGE);
                yield 0;
            }
            case "audit verify" -> auditVerify(out);
            case "records verify" -> recordsVerify(out);
            default -> {
                System.err.print("Unknown command '" + command + "'\n" + USAGE);
                yield 2;
            }
        };
        System.exit(status);
    }

    private static int auditVerify(PrintStream out) {
        try (ConfigurableApplicationContext context = command()) {
            AuditVerification result = context.getBean(AuditIntegrity.class).verify();
            context.getBean(AuditTrail.class).append(new AuditEvent("operator-command", "audit verify", Action.E,
                    result.ok() ? Outcome.SUCCESS : Outcome.SERIOUS_FAILURE, null,
                    Agent.anonymous("local-command", null), null, null, null, null, null, null, null, null,
                    result.ok() ? null : "verification-failed"));
            if (result.ok()) {
                out.printf("Audit trail OK: %d events, %d signed tree heads checked%n", result.treeSize(),
                        result.headsChecked());
                return 0;
            }
            out.printf("AUDIT TRAIL FAILED VERIFICATION at event %d: %s%n", result.firstBadSeq(), result.reason());
            return 1;
        }
    }

    private static int recordsVerify(PrintStream out) {
        try (ConfigurableApplicationContext context = command()) {
            RecordIntegrity.Result result = context.getBean(RecordIntegrity.class).verify();
            context.getBean(AuditTrail.class).append(new AuditEvent("operator-command", "records verify", Action.E,
                    result.ok() ? Outcome.SUCCESS : Outcome.SERIOUS_FAILURE, null,
                    Agent.anonymous("local-command", null), null, null, null, null, null, null,
                    (int) Math.min(Integer.MAX_VALUE, result.versionsChecked()), null,
                    result.ok() ? null : "verification-failed"));
            if (result.ok()) {
                out.printf("Records OK: %d stored versions verified (%d of crypto-shredded patients)%n",
                        result.versionsChecked(), result.shreddedVersions());
                return 0;
            }
            out.printf("RECORDS FAILED VERIFICATION: %d of %d stored versions%n", result.failures().size(),
                    result.versionsChecked());
            result.failures().forEach(f -> out.printf("  %s/%s/_history/%d: %s%n", f.resourceType(), f.id(),
                    f.version(), f.reason()));
            return 1;
        }
    }

    private static int backup(List<String> args, PrintStream out) {
        if (args.isEmpty() || args.get(0).equals("help")) {
            out.print(BackupCommandLine.USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        return BackupCommandLine.run(args, out, System.err, System.getenv(), SafeguardApplication::command);
    }

    /** A context without the web server; {@code arguments} ({@code --property=value}) override the environment. */
    private static ConfigurableApplicationContext command(String... arguments) {
        SpringApplication application = new SpringApplication(SafeguardApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("logging.level.root", "WARN",
                "spring.main.log-startup-info", "false"));
        return application.run(arguments);
    }
}
