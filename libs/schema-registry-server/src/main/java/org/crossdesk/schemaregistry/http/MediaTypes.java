package org.crossdesk.schemaregistry.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Content types of the Confluent API (docs/design/schema-registry-api.md §1.1). */
final class MediaTypes {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
    static final String JSON = "application/json";
    static final String OCTET_STREAM = "application/octet-stream";

    /** In order of preference: the first one the client accepts is used (kept in step with the mappings). */
    static final String[] PRODUCES = {V1_JSON, DEFAULT_JSON, JSON};

    private MediaTypes() {}

    /** The type an error body is written in: negotiated like any answer, v1+json if nothing fits. */
    static MediaType forErrors(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.isBlank()) {
            return MediaType.parseMediaType(V1_JSON);
        }
        try {
            List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(acceptHeader));
            accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType candidate : accepted) {
                for (String producible : PRODUCES) {
                    MediaType type = MediaType.parseMediaType(producible);
                    if (candidate.includes(type) && candidate.getQualityValue() > 0) {
                        return type;
                    }
                }
            }
        } catch (InvalidMediaTypeException e) {
            // An unreadable Accept header still gets a readable error.
        }
        return MediaType.parseMediaType(V1_JSON);
    }
}
