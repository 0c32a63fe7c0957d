package org.crossdesk.schemaregistry.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;

/**
 * Parsing rules of spec §4.2–4.3: candidates are parsed strictly (default values validated, strict
 * names), stored schemas leniently; the canonical text that identifies a schema is the parsed
 * schema's {@code toString()}.
 */
final class AvroSchemas {

  /** Stored schemas are immutable, so their parsed form can be kept for the life of the process. */
  private static final Map<String, Schema> STORED = new ConcurrentHashMap<>();

  private AvroSchemas() {
  }

  static Schema parseStrict(String text) {
    try {
      return new Schema.Parser(NameValidator.STRICT_VALIDATOR).setValidateDefaults(true).parse(text);
    } catch (RuntimeException e) {
      throw invalid(e);
    }
  }

  static Schema parseLenient(String text) {
    try {
      return new Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false).parse(text);
    } catch (RuntimeException e) {
      throw invalid(e);
    }
  }

  static Schema parseStored(String text) {
    return STORED.computeIfAbsent(text, AvroSchemas::parseLenient);
  }

  static String canonical(Schema schema) {
    return schema.toString();
  }

  private static RegistryException invalid(RuntimeException e) {
    return Errors.invalidSchema("Invalid schema: " + e.getMessage());
  }
}
