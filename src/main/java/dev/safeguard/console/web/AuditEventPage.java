package dev.safeguard.console.web;

import dev.safeguard.audit.AuditIntegrity;
import dev.safeguard.audit.AuditQueries;
import dev.safeguard.audit.AuditQuery;
import dev.safeguard.audit.AuditRecord;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /audit/events/{seq}}, for auditors and security officers: one audit event with every field, and whether a
 * signed tree head covers it yet. The console cannot check the inclusion proof itself (that needs the audit module's
 * internals); it shows the proof's facts and points to whole-trail verification and the offline proof.
 */
@Controller
class AuditEventPage {

    private final AuditQueries queries;
    private final AuditIntegrity integrity;

    AuditEventPage(AuditQueries queries, AuditIntegrity integrity) {
        this.queries = queries;
        this.integrity = integrity;
    }

    @GetMapping("/audit/events/{seq}")
    String show(@PathVariable long seq, @RequestParam(required = false) Long at, Model model,
                HttpServletRequest request) {
        ConsoleRequest.auditReader(request);
        model.addAttribute("event", find(seq, at).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No audit event has sequence number " + seq)));
        try {
            model.addAttribute("proof", integrity.inclusion(seq, null));
        } catch (ProblemException e) {
            // No head yet (NOT_FOUND) or the event is newer than the latest head (VALIDATION): not covered yet.
            if (e.kind() != ProblemKind.NOT_FOUND && e.kind() != ProblemKind.VALIDATION) {
                throw e;
            }
        }
        return "console/audit-event";
    }

    /**
     * The search API has no lookup by sequence number, so: first among the events recorded at {@code at} (the
     * milliseconds the results table links with, an indexed search), else by position. Sequence numbers are gap-free
     * and the unfiltered search is newest first, so event {@code seq} is {@code latest - seq} places from the top;
     * events committed meanwhile push it down, so the page found tells where to look again.
     */
    private Optional<AuditRecord> find(long seq, Long at) {
        if (at != null) {
            Instant when = Instant.ofEpochMilli(at);
            Optional<AuditRecord> hit = page(when, 0).items().stream().filter(r -> r.seq() == seq).findFirst();
            if (hit.isPresent()) {
                return hit;
            }
        }
        AuditQuery.Page top = queries.search(new AuditQuery(null, null, null, null, null, null, null, null, null, 0,
                1));
        if (seq < 1 || top.items().isEmpty() || seq > top.items().get(0).seq()) {
            return Optional.empty();
        }
        long latest = top.items().get(0).seq();
        for (int attempt = 0; attempt < 3; attempt++) {
            long offset = latest - seq;
            if (offset / AuditQuery.MAX_SIZE > 1_000_000) {
                return Optional.empty();
            }
            int number = (int) (offset / AuditQuery.MAX_SIZE);
            AuditQuery.Page page = page(null, number);
            Optional<AuditRecord> hit = page.items().stream().filter(r -> r.seq() == seq).findFirst();
            if (hit.isPresent() || page.items().isEmpty()) {
                return hit;
            }
            latest = page.items().get(0).seq() + (long) number * AuditQuery.MAX_SIZE;
        }
        return Optional.empty();
    }

    private AuditQuery.Page page(Instant at, int number) {
        return queries.search(new AuditQuery(at, at, null, null, null, null, null, null, null, number,
                AuditQuery.MAX_SIZE));
    }
}
