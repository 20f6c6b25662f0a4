package dev.safeguard.program.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Evidence;
import dev.safeguard.program.EvidenceContent;
import dev.safeguard.program.EvidenceDraft;
import dev.safeguard.program.EvidenceKind;
import dev.safeguard.program.EvidenceRecord;
import dev.safeguard.program.EvidenceResult;
import dev.safeguard.program.EvidenceVerification;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /api/program/evidence}: signed, sealed, immutable evidence. JSON evidence is posted as JSON; a file is posted
 * as the raw request body to {@code /files} with its metadata as query parameters. There is no way to change or
 * delete evidence.
 */
@RestController
@RequestMapping("/api/program/evidence")
@Tag(name = "Program: evidence", description = "Signed, encrypted, immutable evidence retained six years")
class EvidenceController {

    private final Evidence evidence;
    private final ObjectMapper json;

    EvidenceController(Evidence evidence, ObjectMapper json) {
        this.evidence = evidence;
        this.json = json;
    }

    record JsonEvidence(@NotNull @Size(min = 1, max = 64) List<@NotNull @Size(max = 64) String> controls,
                        @NotNull @Size(max = 40) String kind, @NotNull @Size(max = 40) String result,
                        @NotNull @Size(max = 4000) String details, Instant observedFrom, Instant observedTo,
                        Instant expiresAt, @NotNull JsonNode content) {
    }

    @GetMapping
    @Operation(summary = "Evidence, newest first; superseded evidence only with superseded=true")
    List<EvidenceRecord> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String control,
                              @RequestParam(defaultValue = "false") boolean superseded) {
        return evidence.list(actor, control, superseded);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record JSON evidence (document, attestation or export)")
    EvidenceRecord recordJson(@AuthenticationPrincipal Actor actor, @Valid @RequestBody JsonEvidence body,
                              HttpServletRequest request) {
        return evidence.submit(actor, new EvidenceDraft(body.controls(), EvidenceKind.of(body.kind()),
                body.observedFrom(), body.observedTo(), EvidenceResult.of(body.result()), body.details(),
                json.writeValueAsBytes(body.content()), "application/json", null, body.expiresAt()),
                RequestOrigin.of(request));
    }

    @PostMapping("/files")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a file as evidence (raw body, at most 10 MiB; metadata as query parameters)")
    EvidenceRecord upload(@AuthenticationPrincipal Actor actor, @RequestParam List<String> controls,
                          @RequestParam String kind, @RequestParam String result, @RequestParam String details,
                          @RequestParam(required = false) Instant observedFrom,
                          @RequestParam(required = false) Instant observedTo,
                          @RequestParam(required = false) Instant expiresAt,
                          @RequestParam(required = false) String fileName,
                          @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                          @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return evidence.submit(actor, new EvidenceDraft(controls, EvidenceKind.of(kind), observedFrom, observedTo,
                EvidenceResult.of(result), details, body, contentType, fileName, expiresAt),
                RequestOrigin.of(request));
    }

    @GetMapping("/signing-key")
    @Operation(summary = "The public Ed25519 keyset (Tink JSON) that verifies evidence signatures offline")
    ResponseEntity<String> signingKey(@AuthenticationPrincipal Actor actor) {
        ProgramRoles.requireReader(actor);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(evidence.publicKeysetJson());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One piece of evidence (metadata, hash, signature)")
    EvidenceRecord get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return evidence.get(actor, id);
    }

    @GetMapping("/{id}/content")
    @Operation(summary = "The evidence content, decrypted and checked against its SHA-256, as an attachment")
    ResponseEntity<byte[]> content(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        EvidenceContent content = evidence.content(actor, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName() == null ? "evidence-" + id : content.fileName()).build()
                        .toString())
                .body(content.bytes());
    }

    @GetMapping("/{id}/verification")
    @Operation(summary = "Verify the evidence: content decrypts and matches its SHA-256, signature covers every field")
    EvidenceVerification verify(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                HttpServletRequest request) {
        return evidence.verify(actor, id, RequestOrigin.of(request));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Refused: evidence is retained at least six years and never deleted")
    void delete(@PathVariable String id) {
        throw new ProblemException(ProblemKind.METHOD_NOT_ALLOWED, "Evidence is never deleted: it is retained at "
                + "least six years (45 CFR 164.316(b)(2)(i)); record newer evidence to supersede it");
    }
}
