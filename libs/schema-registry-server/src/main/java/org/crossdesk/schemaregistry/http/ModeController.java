package org.crossdesk.schemaregistry.http;

import static org.crossdesk.schemaregistry.http.QueryFlags.flag;

import java.util.Map;
import org.crossdesk.schemaregistry.store.Mode;
import org.crossdesk.schemaregistry.store.SchemaStore;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /mode/**}: READWRITE, READONLY, READONLY_OVERRIDE and IMPORT, globally or per subject. */
@RestController
class ModeController {

    private final SchemaStore store;

    ModeController(SchemaStore store) {
        this.store = store;
    }

    @GetMapping(
            path = "/mode",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, String> global() {
        return mode(store.globalMode());
    }

    @PutMapping(
            path = "/mode",
            consumes = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM},
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, String> updateGlobal(
            @RequestParam(required = false) String force, @RequestBody(required = false) byte[] body) {
        return mode(store.updateGlobalMode(RequestBodies.property(body, "mode"), flag(force)));
    }

    @GetMapping(
            path = "/mode/{subject}",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, String> subject(@PathVariable String subject, @RequestParam(required = false) String defaultToGlobal) {
        return mode(store.subjectMode(subject, flag(defaultToGlobal)));
    }

    @PutMapping(
            path = "/mode/{subject}",
            consumes = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM},
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, String> updateSubject(
            @PathVariable String subject,
            @RequestParam(required = false) String force,
            @RequestBody(required = false) byte[] body) {
        return mode(store.updateSubjectMode(subject, RequestBodies.property(body, "mode"), flag(force)));
    }

    @DeleteMapping(
            path = "/mode/{subject}",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, String> deleteSubject(@PathVariable String subject) {
        return mode(store.deleteSubjectMode(subject));
    }

    private static Map<String, String> mode(Mode mode) {
        return Map.of("mode", mode.name());
    }
}
