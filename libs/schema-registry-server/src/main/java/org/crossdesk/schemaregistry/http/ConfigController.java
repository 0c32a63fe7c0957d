package org.crossdesk.schemaregistry.http;

import static org.crossdesk.schemaregistry.http.QueryFlags.flag;

import java.util.Map;
import org.crossdesk.schemaregistry.compatibility.CompatibilityLevel;
import org.crossdesk.schemaregistry.store.SchemaStore;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /config/**}. Note Confluent's asymmetry: GET and DELETE answer {@code compatibilityLevel},
 * PUT takes and echoes {@code compatibility}.
 */
@RestController
class ConfigController {

    private final SchemaStore store;

    ConfigController(SchemaStore store) {
        this.store = store;
    }

    @GetMapping(
            path = "/config",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, String> global() {
        return level(store.globalLevel());
    }

    @PutMapping(
            path = "/config",
            consumes = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM},
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, String> updateGlobal(@RequestBody(required = false) byte[] body) {
        return echo(store.updateGlobalLevel(RequestBodies.property(body, "compatibility")));
    }

    @DeleteMapping(
            path = "/config",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, String> deleteGlobal() {
        return level(store.deleteGlobalLevel());
    }

    @GetMapping(
            path = "/config/{subject}",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, String> subject(@PathVariable String subject, @RequestParam(required = false) String defaultToGlobal) {
        return level(store.subjectLevel(subject, flag(defaultToGlobal)));
    }

    @PutMapping(
            path = "/config/{subject}",
            consumes = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM},
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, String> updateSubject(@PathVariable String subject, @RequestBody(required = false) byte[] body) {
        return echo(store.updateSubjectLevel(subject, RequestBodies.property(body, "compatibility")));
    }

    @DeleteMapping(
            path = "/config/{subject}",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, String> deleteSubject(@PathVariable String subject) {
        return level(store.deleteSubjectLevel(subject));
    }

    private static Map<String, String> level(CompatibilityLevel level) {
        return Map.of("compatibilityLevel", level.name());
    }

    private static Map<String, String> echo(CompatibilityLevel level) {
        return Map.of("compatibility", level.name());
    }
}
