package dev.safeguard.backup;

/** A restore drill finished, passed or failed; published after its record is committed. */
public record RestoreDrillCompleted(RestoreDrill drill) {
}
