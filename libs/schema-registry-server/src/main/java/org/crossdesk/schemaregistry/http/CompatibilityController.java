package org.crossdesk.schemaregistry.http;

import static org.crossdesk.schemaregistry.http.QueryFlags.flag;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crossdesk.schemaregistry.store.CompatibilityResult;
import org.crossdesk.schemaregistry.store.SchemaStore;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /compatibility/**}: dry-run compatibility tests. */
@RestController
class CompatibilityController {

    private final SchemaStore store;

    CompatibilityController(SchemaStore store) {
        this.store = store;
    }

    @PostMapping(
            path = "/compatibility/subjects/{subject}/versions/{version}",
            consumes = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM},
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, Object> againstVersion(
            @PathVariable String subject,
            @PathVariable String version,
            @RequestParam(required = false) String verbose,
            @RequestBody(required = false) byte[] body) {
        boolean isVerbose = flag(verbose);
        return answer(
                store.testCompatibility(subject, version, RequestBodies.schemaRequest(body), isVerbose), isVerbose);
    }

    @PostMapping(
            path = "/compatibility/subjects/{subject}/versions",
            consumes = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM},
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, Object> againstAll(
            @PathVariable String subject,
            @RequestParam(required = false) String verbose,
            @RequestBody(required = false) byte[] body) {
        boolean isVerbose = flag(verbose);
        return answer(store.testCompatibilityWithAll(subject, RequestBodies.schemaRequest(body), isVerbose), isVerbose);
    }

    private static Map<String, Object> answer(CompatibilityResult result, boolean verbose) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_compatible", result.compatible());
        if (verbose) {
            body.put("messages", result.messages());
        }
        return body;
    }
}
