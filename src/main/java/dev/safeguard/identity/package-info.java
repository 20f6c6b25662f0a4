/**
 * Workforce identity and authentication: unique user identification (45 CFR 164.312(a)(2)(i)), person or entity
 * authentication with mandatory TOTP MFA (164.312(d)), automatic logoff through server-side sessions with inactivity
 * and absolute limits (164.312(a)(2)(iii)), termination procedures that revoke every credential at once
 * (164.308(a)(3)(ii)(C)), log-in monitoring and password management (164.308(a)(5)(ii)(C), (D)), service clients
 * for applications, first-run setup and the assigned security official (164.308(a)(2)).
 *
 * <p>Its API is this package: {@link dev.safeguard.identity.Accounts}, {@link dev.safeguard.identity.SignIn},
 * {@link dev.safeguard.identity.MfaEnrollment}, {@link dev.safeguard.identity.ServiceClients},
 * {@link dev.safeguard.identity.FirstRunSetup} and the value types they return. Allowed dependencies:
 * {@code shared}, {@code platform}, {@code crypto}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"shared", "platform", "crypto"})
package dev.safeguard.identity;
