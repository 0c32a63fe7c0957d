package org.crossdesk.schemaregistry.http;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /} (a cheap liveness probe) and {@code GET /contexts}. */
@RestController
class RootController {

    @GetMapping(
            path = "/",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, Object> root() {
        return Map.of();
    }

    @PostMapping(
            path = "/",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    Map<String, Object> postRoot() {
        return Map.of();
    }

    @GetMapping(
            path = "/contexts",
            produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
    List<String> contexts() {
        return List.of(".");
    }
}
