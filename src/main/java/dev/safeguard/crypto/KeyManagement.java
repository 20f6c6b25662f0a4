package dev.safeguard.crypto;

/**
 * Key lifecycle operations for security officers (the caller authorizes and audits them): KEK rotation with a
 * background rewrap of every data key, the minimum KEK version kept for decryption, and status.
 */
public interface KeyManagement {

    /** Adds a KEK version, makes it active and starts rewrapping every data key under it; returns the new version. */
    int rotateKek();

    /** Rewraps data keys still under older KEK versions until none is left; resumable; returns how many it moved. */
    long rewrap();

    /**
     * Destroys the KEK versions below {@code minimum}; refused while a data key is still wrapped under one of them.
     */
    void setMinimumKekVersion(int minimum);

    KeyStatus status();
}
