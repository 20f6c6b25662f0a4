/**
 * Access control to ePHI, 45 CFR 164.312(a)(1), 164.308(a)(4) and the emergency access procedure of
 * 164.312(a)(2)(ii): who may read or write which patient's records, decided on the server for every FHIR interaction.
 * Workforce users reach patients through care-team assignments (with start and end dates) or a time-boxed break-glass
 * grant that is re-authenticated, audited with purpose of use {@code ETREAT}, alerted at once and reviewed afterwards;
 * {@code staff} reach only demographics and scheduling types; auditors and compliance officers never reach ePHI;
 * service clients carry SMART-style scopes and an optional patient allow-list.
 * Allowed dependencies: {@code shared}, {@code platform}, {@code crypto}, {@code identity}, {@code audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access",
        allowedDependencies = {"shared", "platform", "crypto", "identity", "audit"})
package dev.safeguard.access;
