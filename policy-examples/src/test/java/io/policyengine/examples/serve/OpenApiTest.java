package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/openapi.yaml against the live service: the same paths and methods, every status the probes
 * get is documented, and each JSON answer has the shape its schema describes (a structural check:
 * types, required and known properties, enums; formats are not checked).
 */
class OpenApiTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "openapi.yaml");
    private static JsonNode api;
    private static LiveService live;

    @BeforeAll
    static void start() throws IOException {
        api = new YAMLMapper().readTree(DOCUMENT.toFile());
        live = LiveService.start(LiveService.storeStandard(), false, null);
    }

    @AfterAll
    static void stop() {
        live.close();
    }

    @Test
    @DisplayName("the service serves the document itself, and it is OpenAPI 3")
    void served() throws IOException {
        HttpResponse<String> served = live.get("/v1/openapi.yaml");

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(Files.readString(DOCUMENT));
        assertThat(api.get("openapi").asText()).startsWith("3.");
    }

    @Test
    @DisplayName("the document lists exactly the paths and methods the service answers")
    void samePathsAndMethods() {
        Map<String, Set<String>> documented = new HashMap<>();
        api.get("paths").fields().forEachRemaining(path -> {
            Set<String> methods = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
            documented.put(path.getKey(), methods);
        });

        Map<String, Set<String>> live = new HashMap<>();
        OpenApiTest.live.service.routes().forEach((path, methods) -> live.put(path, new TreeSet<>(methods)));
        assertThat(live).isEqualTo(documented);
    }

    @Test
    @DisplayName("every answer's status is documented for its operation, and its JSON has the documented shape")
    void answersMatchTheSchemas() {
        String claim = LiveService.EXAMPLE_CLAIM;
        List<Probe> probes = List.of(
                new Probe("post", "/v1/decisions", "application/json", claim),
                new Probe("post", "/v1/decisions", "application/json", "{\"id\": \"X\", \"qualitydefect\": true}"),
                new Probe("post", "/v1/decisions", "application/json", "{ not json"),
                new Probe("post", "/v1/decisions", "text/plain", claim),
                new Probe("post", "/v1/decisions", "application/json", claim.replace("C-1001", "x".repeat(1 << 20))),
                new Probe("post", "/v1/decisions?lang=xx", "application/json", claim),
                new Probe("post", "/v1/explanations", "application/json", claim),
                new Probe("post", "/v1/explanations", "application/json", "{}"),
                new Probe("post", "/v1/explanations", "application/x-ndjson", claim),
                new Probe("get", "/v1/policy", null, null),
                new Probe("get", "/healthz", null, null),
                new Probe("get", "/readyz", null, null),
                new Probe("get", "/metrics", null, null),
                new Probe("get", "/", null, null),
                new Probe("get", "/v1/openapi.yaml", null, null));
        Set<String> statuses = new TreeSet<>();
        for (Probe probe : probes) {
            HttpResponse<String> answer = probe.send();
            String status = Integer.toString(answer.statusCode());
            statuses.add(status);
            String path = probe.path.replaceFirst("\\?.*", "");
            JsonNode response = api.get("paths").get(path).get(probe.method).get("responses").get(status);
            assertThat(response).as("%s %s answered %s, which is not documented", probe.method, probe.path, status).isNotNull();
            response = resolve(response);
            String type = answer.headers().firstValue("Content-Type").orElseThrow().replaceFirst(";.*", "");
            JsonNode content = response.get("content").get(type);
            assertThat(content).as("%s %s answered %s as %s", probe.method, probe.path, status, type).isNotNull();
            if (type.equals("application/json")) {
                List<String> problems = new ArrayList<>();
                conforms(LiveService.parse(answer.body()), content.get("schema"), "$", problems);
                assertThat(problems).as("%s %s -> %s", probe.method, probe.path, status).isEmpty();
            }
        }
        assertThat(statuses).contains("200", "400", "413", "415");
    }

    private record Probe(String method, String path, String contentType, String body) {
        HttpResponse<String> send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(live.uri(path));
            if (contentType != null) request.header("Content-Type", contentType);
            request.method(method.toUpperCase(Locale.ROOT),
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return live.send(request.build());
        }
    }

    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            JsonNode target = api;
            for (String part : node.get("$ref").asText().substring(2).split("/")) target = target.get(part);
            node = target;
        }
        return node;
    }

    /** Adds to {@code problems} where {@code value} does not have the shape {@code schema} describes. */
    private static void conforms(JsonNode value, JsonNode schema, String at, List<String> problems) {
        schema = resolve(schema);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) problems.add(at + ": null, not nullable");
            return;
        }
        if (schema.has("allOf")) schema.get("allOf").forEach(part -> conforms(value, part, at, problems));
        if (schema.has("oneOf")) {
            boolean any = false;
            for (JsonNode option : schema.get("oneOf")) {
                List<String> optionProblems = new ArrayList<>();
                conforms(value, option, at, optionProblems);
                any |= optionProblems.isEmpty();
            }
            if (!any) problems.add(at + ": matches none of oneOf");
        }
        String type = schema.path("type").asText("");
        boolean rightType = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!rightType) {
            problems.add(at + ": expected " + type + ", got " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && value.isTextual()) {
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) listed |= e.asText().equals(value.asText()) && !e.isNull();
            if (!listed) problems.add(at + ": " + value + " is not in " + schema.get("enum"));
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) problems.add(at + ": missing required " + required.asText());
            }
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (properties.has(field.getKey())) {
                    conforms(field.getValue(), properties.get(field.getKey()), at + "." + field.getKey(), problems);
                } else if (!schema.path("additionalProperties").asBoolean(true)) {
                    problems.add(at + ": unknown property " + field.getKey());
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) conforms(value.get(i), schema.get("items"), at + "[" + i + "]", problems);
        }
    }
}
