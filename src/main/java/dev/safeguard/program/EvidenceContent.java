package dev.safeguard.program;

/** The decrypted content of a piece of evidence, checked against its recorded SHA-256. */
public record EvidenceContent(String evidenceId, String mediaType, String fileName, byte[] bytes) {
    @Override
    public String toString() {
        return "EvidenceContent[" + evidenceId + ", " + bytes.length + " bytes]";
    }
}
