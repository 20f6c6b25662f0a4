package dev.safeguard.program;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the policies area (164.316), validated at start-up.
 *
 * @param organization             the organization's name, filled into the policy templates' {@code {{organization}}}
 *                                 (default "the Organization"; an officer may give another when creating a policy)
 * @param acknowledgmentThreshold  the share of active users, in percent, who must have acknowledged each effective
 *                                 version that requires it (default 95, from 50 to 100)
 * @param acknowledgmentDue        how long a user has to acknowledge a version after it took effect or after their
 *                                 account was created, whichever is later (default 30 days, 1 to 90 days)
 * @param activationInterval       how often versions scheduled for a later effective date are looked for and made
 *                                 effective (default 15 minutes, 1 minute to 1 day)
 */
@ConfigurationProperties("safeguard.program.policies")
public record PolicySettings(String organization, Integer acknowledgmentThreshold, Duration acknowledgmentDue,
                             Duration activationInterval) {

    public PolicySettings {
        organization = organization == null || organization.isBlank() ? "the Organization" : organization.strip();
        acknowledgmentThreshold = acknowledgmentThreshold == null ? 95 : acknowledgmentThreshold;
        acknowledgmentDue = acknowledgmentDue == null ? Duration.ofDays(30) : acknowledgmentDue;
        activationInterval = activationInterval == null ? Duration.ofMinutes(15) : activationInterval;
        if (organization.length() > 200 || organization.chars().anyMatch(Character::isISOControl)
                || organization.contains("{{")) {
            throw new IllegalArgumentException("safeguard.program.policies.organization must be one line of at most "
                    + "200 characters without '{{'; got " + organization.length() + " characters");
        }
        if (acknowledgmentThreshold < 50 || acknowledgmentThreshold > 100) {
            throw new IllegalArgumentException("safeguard.program.policies.acknowledgment-threshold must be a "
                    + "percentage between 50 and 100; got " + acknowledgmentThreshold);
        }
        if (acknowledgmentDue.compareTo(Duration.ofDays(1)) < 0 || acknowledgmentDue.compareTo(Duration.ofDays(90)) > 0) {
            throw new IllegalArgumentException("safeguard.program.policies.acknowledgment-due must be between 1 and "
                    + "90 days; got " + acknowledgmentDue);
        }
        if (activationInterval.compareTo(Duration.ofMinutes(1)) < 0
                || activationInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("safeguard.program.policies.activation-interval must be between 1 "
                    + "minute and 1 day; got " + activationInterval);
        }
    }
}
