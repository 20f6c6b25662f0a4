/**
 * Encryption and key management, 45 CFR 164.312(a)(2)(iv) and (e)(2)(ii). It owns the keys: today the local
 * master keyset (a Tink keyset file with mode 0600 in {@code SAFEGUARD_KEYS_DIR}, outside the database directory)
 * and the sealing of application secrets such as TOTP seeds; the per-patient key hierarchy, rotation and
 * crypto-shredding of the ePHI vault build on it. No primitive is hand-rolled: everything is Google Tink.
 * It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Crypto", allowedDependencies = {})
package dev.safeguard.crypto;
