package dev.safeguard.program.evidence;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** The shape checks of evidence before it is sealed and signed; each failure says what to fix. */
public final class DraftChecks {

    /** The largest content accepted: 10 MiB. */
    public static final int MAX_CONTENT = 10 * 1024 * 1024;
    public static final int MAX_DETAILS = 4_000;
    public static final int MAX_CONTROLS = 64;
    public static final Pattern CHECK_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{2,63}");
    static final Pattern SERIES = Pattern.compile("[a-z0-9][a-z0-9.:-]{2,127}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");
    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,200}");

    private DraftChecks() {
    }

    public static void controls(List<String> controls) {
        if (controls.isEmpty()) {
            throw problem("Name at least one control (a CFR citation such as 164.312(b)) the evidence supports");
        }
        if (controls.size() > MAX_CONTROLS) {
            throw problem("Evidence supports at most " + MAX_CONTROLS + " controls");
        }
    }

    public static void content(byte[] content) {
        if (content == null || content.length == 0) {
            throw problem("The evidence has no content");
        }
        if (content.length > MAX_CONTENT) {
            throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, "Evidence content is limited to "
                    + MAX_CONTENT + " bytes (10 MiB); this has " + content.length);
        }
    }

    /** The series as given, {@code null} for none; a malformed series is a programming error, not input. */
    public static String series(String series) {
        if (series != null && !SERIES.matcher(series).matches()) {
            throw new IllegalArgumentException("Invalid evidence series '" + series + "'; use [a-z0-9][a-z0-9.:-]{2,127}");
        }
        return series;
    }

    public static String details(String details) {
        if (details == null || details.isBlank()) {
            throw problem("Describe what the evidence shows in 'details'");
        }
        if (details.length() > MAX_DETAILS) {
            throw problem("The details can have at most " + MAX_DETAILS + " characters");
        }
        return details.strip();
    }

    public static String mediaType(String mediaType) {
        String type = mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!MEDIA_TYPE.matcher(type).matches()) {
            throw problem("Give the content's media type, e.g. application/pdf");
        }
        return type;
    }

    public static String fileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        if (!FILE_NAME.matcher(fileName.strip()).matches()) {
            throw problem("A file name has at most 200 characters and no slashes or control characters");
        }
        return fileName.strip();
    }

    /** Observation period within [from, to], ending no later than collection; freshness after collection. */
    public static void times(Instant from, Instant to, Instant collectedAt, Instant expiresAt, Instant retainUntil) {
        if (from.isAfter(to)) {
            throw problem("The observation period starts (" + from + ") after it ends (" + to + ")");
        }
        if (to.isAfter(collectedAt)) {
            throw problem("The observation period ends (" + to + ") after the evidence is collected ("
                    + collectedAt + ")");
        }
        if (!expiresAt.isAfter(collectedAt) || expiresAt.isAfter(retainUntil)) {
            throw problem("The evidence must expire after it is collected and within its six-year retention");
        }
    }

    private static ProblemException problem(String detail) {
        return new ProblemException(ProblemKind.VALIDATION, detail);
    }
}
