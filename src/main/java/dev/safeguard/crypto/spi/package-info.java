/**
 * The service-provider interface of master-key providers: the local keyset file and PKCS#11 (HSM).
 */
@org.springframework.modulith.NamedInterface("spi")
package dev.safeguard.crypto.spi;
