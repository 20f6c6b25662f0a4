package dev.safeguard.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Break-glass settings, validated at start-up.
 *
 * @param breakGlassDefault how long a grant lasts when the requester does not say (default 60 min)
 * @param breakGlassMax     the longest grant anyone can get (default 4 h, at most 24 h)
 * @param reviewDue         an unreviewed grant older than this is overdue (default 72 h)
 * @param overdueCheck      how often overdue grants are looked for and alerted (default 15 min)
 */
@ConfigurationProperties("safeguard.access")
public record AccessSettings(Duration breakGlassDefault, Duration breakGlassMax, Duration reviewDue,
                             Duration overdueCheck) {

    public AccessSettings {
        breakGlassDefault = breakGlassDefault == null ? Duration.ofMinutes(60) : breakGlassDefault;
        breakGlassMax = breakGlassMax == null ? Duration.ofHours(4) : breakGlassMax;
        reviewDue = reviewDue == null ? Duration.ofHours(72) : reviewDue;
        overdueCheck = overdueCheck == null ? Duration.ofMinutes(15) : overdueCheck;
        if (breakGlassMax.compareTo(Duration.ofMinutes(1)) < 0 || breakGlassMax.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("safeguard.access.break-glass-max must be between 1 minute and 24 hours; "
                    + "got " + breakGlassMax);
        }
        if (breakGlassDefault.compareTo(Duration.ofMinutes(1)) < 0 || breakGlassDefault.compareTo(breakGlassMax) > 0) {
            throw new IllegalArgumentException("safeguard.access.break-glass-default must be between 1 minute and "
                    + "break-glass-max; got " + breakGlassDefault);
        }
        if (reviewDue.isNegative() || reviewDue.isZero() || overdueCheck.isNegative() || overdueCheck.isZero()) {
            throw new IllegalArgumentException("safeguard.access.review-due and overdue-check must be positive");
        }
    }
}
