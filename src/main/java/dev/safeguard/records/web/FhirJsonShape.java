package dev.safeguard.records.web;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Refuses JSON bodies that break FHIR's JSON rules before HAPI's parser sees them, because the parser silently drops
 * some of what it cannot map (an array of arrays where a string belongs was stored as an empty resource): FHIR JSON
 * never nests an array directly in an array, and has no empty arrays, objects or strings. Nesting is limited to 100
 * levels (FHIR's deepest structures need far fewer).
 */
@Interceptor
class FhirJsonShape {

    private final ca.uhn.fhir.context.FhirContext fhir;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper(
            JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH).build()).build());

    FhirJsonShape(ca.uhn.fhir.context.FhirContext fhir) {
        this.fhir = fhir;
    }

    static final int MAX_DEPTH = 100;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean check(RequestDetails request) {
        String type = request.getHeader("Content-Type");
        String method = request.getRequestType() == null ? "" : request.getRequestType().name();
        if (!(method.equals("POST") || method.equals("PUT")) || type == null || !type.contains("json")) {
            return true;
        }
        byte[] body = request.loadRequestContents();
        if (body == null || body.length == 0) {
            return true;
        }
        Deque<JsonToken> open = new ArrayDeque<>();
        JsonToken previous = null;
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_ARRAY -> {
                        if (open.peek() == JsonToken.START_ARRAY) {
                            throw refuse("an array directly inside an array");
                        }
                        open.push(token);
                    }
                    case START_OBJECT -> open.push(token);
                    case END_ARRAY -> {
                        if (previous == JsonToken.START_ARRAY) {
                            throw refuse("an empty array");
                        }
                        open.pop();
                    }
                    case END_OBJECT -> {
                        if (previous == JsonToken.START_OBJECT) {
                            throw refuse("an empty object");
                        }
                        open.pop();
                    }
                    case VALUE_STRING -> {
                        if (parser.getTextLength() == 0) {
                            throw refuse("an empty string");
                        }
                    }
                    default -> {
                    }
                }
                previous = token;
            }
        } catch (IOException e) {
            // Jackson's message can quote the body (PHI); say only where.
            throw new InvalidRequestException("The body is not valid JSON (or nests deeper than " + MAX_DEPTH
                    + " levels) near " + location(e));
        }
        try {
            com.fasterxml.jackson.databind.JsonNode root = mapper.readTree(body);
            if (root.isObject()) {
                resource(root, "");
            }
        } catch (IOException e) {
            throw new InvalidRequestException("The body is not valid JSON near " + location(e));
        }
        return true;
    }

    /**
     * Checks every element of a resource against its definition: an array exactly where the element repeats, an
     * object for complex types, and for primitives the JSON kind FHIR prescribes (true/false for boolean, a number for
     * integer and decimal types, a string for the rest). HAPI's parser would coerce or drop such mismatches.
     */
    private void resource(com.fasterxml.jackson.databind.JsonNode node, String path) {
        com.fasterxml.jackson.databind.JsonNode type = node.get("resourceType");
        if (type == null || !type.isTextual()) {
            throw refuseAt(path, "a resource without a resourceType string");
        }
        ca.uhn.fhir.context.RuntimeResourceDefinition definition;
        try {
            definition = fhir.getResourceDefinition(type.asText());
        } catch (ca.uhn.fhir.parser.DataFormatException e) {
            throw refuseAt(path, "an unknown resourceType");
        }
        composite(definition, node, path.isEmpty() ? type.asText() : path);
    }

    private void composite(ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition<?> definition,
                           com.fasterxml.jackson.databind.JsonNode node, String path) {
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String name = field.getKey();
            if (name.equals("resourceType") || name.startsWith("_") || name.equals("fhir_comments")) {
                continue; // resourceType is checked above; _name carries a primitive's id and extensions
            }
            var child = definition.getChildByName(name);
            if (child == null) {
                continue; // unknown elements: HAPI's strict parser refuses them with their name
            }
            com.fasterxml.jackson.databind.JsonNode value = field.getValue();
            String at = path + "." + name;
            if (value.isNull()) {
                throw refuseAt(at, "null (FHIR JSON allows null only inside arrays of primitives)");
            }
            boolean repeats = child.getMax() == -1 || child.getMax() > 1;
            if (repeats != value.isArray()) {
                throw refuseAt(at, repeats ? "a single value where FHIR expects an array"
                        : "an array where FHIR expects a single value");
            }
            for (com.fasterxml.jackson.databind.JsonNode item : value.isArray() ? value : java.util.List.of(value)) {
                element(child.getChildByName(name), item, at);
            }
        }
    }

    private void element(ca.uhn.fhir.context.BaseRuntimeElementDefinition<?> definition,
                         com.fasterxml.jackson.databind.JsonNode value, String path) {
        if (definition == null) {
            return;
        }
        switch (definition.getChildType()) {
            case PRIMITIVE_DATATYPE, ID_DATATYPE -> {
                Class<?> type = definition.getImplementingClass();
                boolean ok;
                if (org.hl7.fhir.r4.model.BooleanType.class.isAssignableFrom(type)) {
                    ok = value.isBoolean();
                } else if (org.hl7.fhir.r4.model.IntegerType.class.isAssignableFrom(type)
                        || org.hl7.fhir.r4.model.DecimalType.class.isAssignableFrom(type)) {
                    ok = value.isNumber();
                } else {
                    ok = value.isTextual();
                }
                if (!ok && !value.isNull()) {
                    throw refuseAt(path, "a value of the wrong JSON type for " + definition.getName());
                }
            }
            case PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG -> {
                if (!value.isTextual()) {
                    throw refuseAt(path, "narrative that is not a string");
                }
            }
            case RESOURCE, CONTAINED_RESOURCES, CONTAINED_RESOURCE_LIST -> {
                if (!value.isObject()) {
                    throw refuseAt(path, "a resource that is not an object");
                }
                resource(value, path);
            }
            default -> {
                if (!value.isObject()) {
                    throw refuseAt(path, "a " + definition.getName() + " that is not an object");
                }
                if (definition instanceof ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition<?> composite) {
                    composite(composite, value, path);
                }
            }
        }
    }

    private static InvalidRequestException refuseAt(String path, String what) {
        return new InvalidRequestException("The body is not FHIR JSON: " + path + " is " + what);
    }

    private static String location(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null) {
            return "line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr();
        }
        return "an unknown position";
    }

    private static InvalidRequestException refuse(String what) {
        return new InvalidRequestException("The body is not FHIR JSON: it contains " + what);
    }
}
