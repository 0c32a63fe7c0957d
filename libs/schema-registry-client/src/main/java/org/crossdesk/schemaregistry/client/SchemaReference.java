package org.crossdesk.schemaregistry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/**
 * A named type that a schema imports from another subject-version ({@code {"name","subject","version"}}).
 *
 * @param name    the full name of the referenced type as used in the referencing schema
 * @param subject the subject holding the referenced schema
 * @param version the version of that subject
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaReference(String name, String subject, int version) {

    public SchemaReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
    }
}
