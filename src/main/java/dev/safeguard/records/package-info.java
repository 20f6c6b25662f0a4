/**
 * The ePHI vault, 45 CFR 164.312(a)(2)(iv) and 164.312(c): FHIR R4 resources stored as immutable, encrypted versions
 * (AES-256-GCM under the patient's data key, bound to type, id and version) with a keyed MAC over each version's
 * metadata, served at {@code /fhir} through HAPI FHIR's {@code RestfulServer}. Every interaction is audited
 * synchronously: a change commits together with its audit event; a read's event commits before its answer leaves.
 * Access to each resource is decided by the {@code access} module's policy.
 * Allowed dependencies: {@code shared}, {@code platform}, {@code crypto}, {@code audit}, {@code identity},
 * {@code access}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records",
        allowedDependencies = {"shared", "platform", "crypto", "audit", "identity", "access"})
package dev.safeguard.records;
