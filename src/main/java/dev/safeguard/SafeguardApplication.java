package dev.safeguard;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * Safeguard: one jar that is the HTTPS server ({@code java -jar safeguard.jar}) and the operator's tool
 * ({@code java -jar safeguard.jar <command>}).
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SafeguardApplication {

    static final String USAGE = """
            Usage: java -jar safeguard.jar [--property=value ...]    start the server
                   java -jar safeguard.jar help                       show this text
            Configuration comes from environment variables (SAFEGUARD_DATA_DIR, SAFEGUARD_DB_URL, ...); see README.md.
            """;

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("--")) {
            // Operator commands; the server itself takes only --property=value arguments.
            boolean help = "help".equals(args[0]) || "--help".equals(args[0]);
            (help ? System.out : System.err).print(help ? USAGE
                    : "Unknown command '" + args[0] + "' " + Arrays.toString(Arrays.copyOfRange(args, 1, args.length))
                    + "\n" + USAGE);
            System.exit(help ? 0 : 2);
        }
        SpringApplication.run(SafeguardApplication.class, args);
    }
}
