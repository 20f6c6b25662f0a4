package dev.safeguard.program.inventory.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.DataFlow;
import dev.safeguard.program.DataFlowDraft;
import dev.safeguard.program.DataFlowMap;
import dev.safeguard.program.DataFlows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/data-flows}: data flows between assets and the ePHI data-flow map (DOT, SVG with Graphviz). */
@RestController
@RequestMapping("/api/program/data-flows")
@Tag(name = "Data flows", description = "Where data moves between assets, and the ePHI data-flow map")
class DataFlowsController {

    static final String DOT = "text/vnd.graphviz";

    private final DataFlows flows;

    DataFlowsController(DataFlows flows) {
        this.flows = flows;
    }

    @GetMapping
    @Operation(summary = "List every data flow")
    List<DataFlow> list(@AuthenticationPrincipal Actor actor) {
        return flows.list(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one data flow")
    DataFlow get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return flows.get(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a data flow between two assets")
    DataFlow create(@AuthenticationPrincipal Actor actor, @RequestBody DataFlowDraft body, HttpServletRequest request) {
        return flows.create(actor, body, RequestOrigin.of(request));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Replace a data flow")
    DataFlow update(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody DataFlowDraft body,
                    HttpServletRequest request) {
        return flows.update(actor, id, body, RequestOrigin.of(request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a data flow that no longer exists")
    void delete(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        flows.delete(actor, id, RequestOrigin.of(request));
    }

    @GetMapping("/map")
    @Operation(summary = "The ePHI data-flow map: DOT, and SVG when Graphviz is installed on the server")
    DataFlowMap map(@AuthenticationPrincipal Actor actor) {
        return flows.map(actor);
    }

    @GetMapping("/map.dot")
    @Operation(summary = "The ePHI data-flow map as Graphviz DOT")
    ResponseEntity<String> dot(@AuthenticationPrincipal Actor actor) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, DOT + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ephi-data-flows.dot\"")
                .body(flows.dot(actor));
    }
}
