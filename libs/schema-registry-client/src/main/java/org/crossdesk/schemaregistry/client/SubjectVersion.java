package org.crossdesk.schemaregistry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One element of {@code GET /schemas/ids/{id}/versions}: a subject-version carrying that id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectVersion(String subject, int version) {}
