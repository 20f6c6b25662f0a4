package dev.safeguard.identity;

import java.util.Arrays;
import java.util.Optional;

/** The workforce roles. Their names are the stable identifiers used in the API and in audit records. */
public enum Role {
    SECURITY_OFFICER("security-officer"),
    COMPLIANCE_OFFICER("compliance-officer"),
    AUDITOR("auditor"),
    CLINICIAN("clinician"),
    STAFF("staff");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
