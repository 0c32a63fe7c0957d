package org.crossdesk.schemaregistry.http;

import static org.crossdesk.schemaregistry.http.QueryFlags.flag;

import java.util.List;
import java.util.Map;
import org.crossdesk.schemaregistry.store.SchemaStore;
import org.crossdesk.schemaregistry.store.VersionFilter;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /subjects/**}: registration, lookup, versions and deletes. */
@RestController
class SubjectsController {

    private final SchemaStore store;

    SubjectsController(SchemaStore store) {
        this.store = store;
    }

    @GetMapping(
            path = "/subjects",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    List<String> subjects(
            @RequestParam(required = false) String subjectPrefix,
            @RequestParam(required = false) String deleted,
            @RequestParam(required = false) String deletedOnly,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "-1") int limit) {
        return Paging.page(
                store.subjects(subjectPrefix, VersionFilter.of(flag(deleted), flag(deletedOnly))), offset, limit);
    }

    @PostMapping(
            path = "/subjects/{subject}/versions",
            consumes = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM},
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, Object> register(@PathVariable String subject, @RequestBody(required = false) byte[] body) {
        return Responses.registered(store.register(subject, RequestBodies.schemaRequest(body)));
    }

    @PostMapping(
            path = "/subjects/{subject}",
            consumes = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON, MediaTypes.OCTET_STREAM},
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, Object> lookup(
            @PathVariable String subject,
            @RequestParam(required = false) String deleted,
            @RequestBody(required = false) byte[] body) {
        return Responses.schema(store.lookup(subject, RequestBodies.schemaRequest(body), flag(deleted)));
    }

    @GetMapping(
            path = "/subjects/{subject}/versions",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    List<Integer> versions(
            @PathVariable String subject,
            @RequestParam(required = false) String deleted,
            @RequestParam(required = false) String deletedOnly,
            @RequestParam(required = false) String deletedAsNegative,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "-1") int limit) {
        return Paging.page(
                store.versions(subject, VersionFilter.of(flag(deleted), flag(deletedOnly)), flag(deletedAsNegative)),
                offset,
                limit);
    }

    @GetMapping(
            path = "/subjects/{subject}/versions/{version}",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, Object> version(
            @PathVariable String subject,
            @PathVariable String version,
            @RequestParam(required = false) String deleted) {
        return Responses.schema(store.version(subject, version, flag(deleted)));
    }

    @GetMapping(
            path = "/subjects/{subject}/versions/{version}/schema",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    JsonNode versionSchema(
            @PathVariable String subject,
            @PathVariable String version,
            @RequestParam(required = false) String deleted) {
        return Responses.raw(store.version(subject, version, flag(deleted)).schema());
    }

    /** References are not supported, so nothing ever references a version; it must still exist. */
    @GetMapping(
            path = "/subjects/{subject}/versions/{version}/referencedby",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    List<Integer> referencedBy(@PathVariable String subject, @PathVariable String version) {
        return store.referencedBy(subject, version);
    }

    @GetMapping(
            path = "/subjects/{subject}/metadata",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, Object> latestWithMetadata(
            @PathVariable String subject, @RequestParam(required = false) String deleted) {
        return Responses.schema(store.latestWithMetadata(subject, flag(deleted)));
    }

    @DeleteMapping(
            path = "/subjects/{subject}/versions/{version}",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    int deleteVersion(
            @PathVariable String subject,
            @PathVariable String version,
            @RequestParam(required = false) String permanent) {
        return store.deleteVersion(subject, version, flag(permanent));
    }

    @DeleteMapping(
            path = "/subjects/{subject}",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    List<Integer> deleteSubject(@PathVariable String subject, @RequestParam(required = false) String permanent) {
        return store.deleteSubject(subject, flag(permanent));
    }
}
