package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.program.risk.ThreatCatalogFile;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The shipped catalog of threats and vulnerabilities common in health care (ransomware, phishing, insider snooping,
 * lost devices, vendor breaches, disasters, …), each with the Security Rule specifications that usually address it.
 * Read once at start-up from the jar; it cannot be changed at run time.
 */
@Service
public class ThreatCatalog {

    private final List<Threat> entries = ThreatCatalogFile.load();

    /** Every entry, threats first, in catalog order; {@code kind} ({@code threat}/{@code vulnerability}) filters. */
    public List<Threat> list(Actor actor, String kind) {
        RiskInventoryRoles.requireReader(actor);
        return kind == null || kind.isBlank() ? entries
                : entries.stream().filter(t -> t.kind().equals(kind.strip())).toList();
    }

    /** The entry with this id, for validating a risk's threat (no role check: it reveals only shipped text). */
    public Optional<Threat> find(String id) {
        return entries.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
