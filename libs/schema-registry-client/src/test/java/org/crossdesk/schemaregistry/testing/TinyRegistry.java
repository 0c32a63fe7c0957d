package org.crossdesk.schemaregistry.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.crossdesk.schemaregistry.testing.ScriptedRegistry.Reply;
import org.crossdesk.schemaregistry.testing.ScriptedRegistry.Request;

/**
 * A minimal in-memory registry over real HTTP: register, lookup, schema by id and latest version, enough for
 * the serdes. Not the Crossdesk registry server (services/schema-registry); just a stand-in for serde tests.
 */
public final class TinyRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptedRegistry http = new ScriptedRegistry();
    private final Map<Integer, String> schemaById = new HashMap<>();
    private final Map<String, Integer> idByText = new HashMap<>();
    private final Map<String, List<Integer>> versions = new HashMap<>();
    private int nextId = 1;

    public TinyRegistry() {
        http.otherwise(this::answer);
    }

    public String url() {
        return http.url();
    }

    public ScriptedRegistry http() {
        return http;
    }

    public int requestCount() {
        return http.requestCount();
    }

    /** Seeds a schema with a chosen id under a subject, as if registered earlier. */
    public synchronized int seed(String subject, String schemaText, int id) {
        String canonical = canonical(schemaText);
        schemaById.put(id, canonical);
        idByText.put(canonical, id);
        versions.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        nextId = Math.max(nextId, id + 1);
        return id;
    }

    /** Seeds a schema under a fresh id. */
    public synchronized int seed(String subject, String schemaText) {
        Integer known = idByText.get(canonical(schemaText));
        return seed(subject, schemaText, known != null ? known : nextId);
    }

    /** The subjects that hold at least one schema. */
    public synchronized List<String> subjects() {
        return List.copyOf(versions.keySet());
    }

    /** The schema text registered as {@code id}. */
    public synchronized String schemaText(int id) {
        return schemaById.get(id);
    }

    private synchronized Reply answer(Request r) {
        String[] parts = r.rawPath().substring(1).split("/");
        try {
            if (r.method().equals("POST")
                    && parts.length == 3
                    && parts[0].equals("subjects")
                    && parts[2].equals("versions")) {
                String subject = decode(parts[1]);
                String text = canonical(schemaOf(r.body()));
                Integer id = idByText.get(text);
                if (id == null) {
                    id = nextId++;
                    schemaById.put(id, text);
                    idByText.put(text, id);
                }
                List<Integer> ids = versions.computeIfAbsent(subject, s -> new ArrayList<>());
                if (!ids.contains(id)) {
                    ids.add(id);
                }
                return Reply.json(200, "{\"id\":" + id + "}");
            }
            if (r.method().equals("POST") && parts.length == 2 && parts[0].equals("subjects")) {
                String subject = decode(parts[1]);
                List<Integer> ids = versions.get(subject);
                if (ids == null) {
                    return Reply.error(404, 40401, "Subject '" + subject + "' not found.");
                }
                Integer id = idByText.get(canonical(schemaOf(r.body())));
                if (id == null || !ids.contains(id)) {
                    return Reply.error(404, 40403, "Schema not found");
                }
                return Reply.json(200, schemaJson(subject, ids.indexOf(id) + 1, id));
            }
            if (r.method().equals("GET") && parts.length == 3 && parts[0].equals("schemas") && parts[1].equals("ids")) {
                int id = Integer.parseInt(parts[2]);
                String text = schemaById.get(id);
                if (text == null) {
                    return Reply.error(404, 40403, "Schema " + id + " not found");
                }
                ObjectNode body = JSON.createObjectNode().put("schema", text);
                return Reply.json(200, body.toString());
            }
            if (r.method().equals("GET")
                    && parts.length == 4
                    && parts[0].equals("subjects")
                    && parts[3].equals("latest")) {
                String subject = decode(parts[1]);
                List<Integer> ids = versions.get(subject);
                if (ids == null) {
                    return Reply.error(404, 40401, "Subject '" + subject + "' not found.");
                }
                return Reply.json(200, schemaJson(subject, ids.size(), ids.get(ids.size() - 1)));
            }
        } catch (IOException | RuntimeException e) {
            return Reply.error(422, 42201, "Invalid schema: " + e.getMessage().replace('"', '\''));
        }
        return Reply.error(404, 404, "HTTP 404 Not Found");
    }

    private String schemaJson(String subject, int version, int id) {
        return JSON.createObjectNode()
                .put("subject", subject)
                .put("version", version)
                .put("id", id)
                .put("schema", schemaById.get(id))
                .toString();
    }

    private static String schemaOf(String body) throws IOException {
        return JSON.readTree(body).get("schema").asText();
    }

    private static String canonical(String schemaText) {
        return new Schema.Parser().parse(schemaText).toString();
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
