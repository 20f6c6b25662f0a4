/**
 * Shared vocabulary of every Safeguard module: the problem kinds an API may answer with, the security-event
 * shape that feeds the audit trail (45 CFR 164.312(b)), and the small value types modules exchange. It holds no
 * beans with behaviour and depends on no other module; every module may depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.safeguard.shared;
