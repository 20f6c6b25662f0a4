package dev.safeguard.audit.internal;

/** Told about every signed tree head after it is stored in the database and the checkpoint file. Must not block. */
public interface SignedTreeHeadListener {

    void treeHeadSigned(TreeHead head);
}
