package org.crossdesk.schemaregistry.http;

import static org.crossdesk.schemaregistry.http.QueryFlags.flag;

import java.util.List;
import java.util.Map;
import org.crossdesk.schemaregistry.store.SchemaStore;
import org.crossdesk.schemaregistry.store.SubjectVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /schemas/**}: schemas by global id, and the registry's schema types. */
@RestController
class SchemasController {

    private final SchemaStore store;

    SchemasController(SchemaStore store) {
        this.store = store;
    }

    @GetMapping(
            path = "/schemas",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    List<Map<String, Object>> schemas(
            @RequestParam(required = false) String subjectPrefix,
            @RequestParam(required = false) String deleted,
            @RequestParam(required = false) String latestOnly,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "-1") int limit) {
        return Paging.page(store.schemas(subjectPrefix, flag(deleted), flag(latestOnly)), offset, limit).stream()
                .map(Responses::schema)
                .toList();
    }

    @GetMapping(
            path = "/schemas/ids/{id}",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, Object> byId(@PathVariable int id) {
        return Responses.schemaString(store.schemaById(id));
    }

    @GetMapping(
            path = "/schemas/ids/{id}/schema",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    JsonNode rawById(@PathVariable int id) {
        return Responses.raw(store.schemaById(id).schema());
    }

    @GetMapping(
            path = "/schemas/ids/{id}/subjects",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    List<String> subjectsForId(@PathVariable int id, @RequestParam(required = false) String deleted) {
        return store.subjectsForId(id, flag(deleted));
    }

    @GetMapping(
            path = "/schemas/ids/{id}/versions",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    List<SubjectVersion> versionsForId(@PathVariable int id, @RequestParam(required = false) String deleted) {
        return store.versionsForId(id, flag(deleted));
    }

    @GetMapping(
            path = "/schemas/types",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    List<String> types() {
        return List.of("AVRO");
    }
}
