package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes example of docs/deploy/ and the Dockerfile against the server itself: the probes ask the
 * paths the service answers 200 on, the ports are the one it listens on, the scrape annotations point at
 * its metrics, the rules come from a ConfigMap mounted where the entry script looks for them.
 */
class DeployManifestsTest {
    private static final Path DEPLOY = Path.of("..", "docs", "deploy");
    private static final Path DOCKERFILE = Path.of("..", "Dockerfile");
    private static final Path ENTRY_SCRIPT = Path.of("src", "main", "container", "serve.sh");
    private static final List<JsonNode> MANIFESTS = new ArrayList<>();
    private static LiveService live;

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
                    MANIFESTS.addAll(documents.readAll());
                }
            }
        }
        live = LiveService.start(LiveService.storeStandard(), false, null);
    }

    @AfterAll
    static void stop() {
        live.close();
    }

    @Test
    @DisplayName("readiness asks /readyz, liveness and start-up /healthz, on the container's port, and each answers 200")
    void probes() {
        JsonNode container = container();

        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/healthz");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            JsonNode get = container.get(probe).get("httpGet");
            assertThat(containerPort(get.get("port"))).as(probe + " port").isEqualTo(servePort());
            assertThat(live.get(get.get("path").asText()).statusCode()).as(probe + " answered").isEqualTo(200);
        }
    }

    @Test
    @DisplayName("the container listens on serve's default port, which the Dockerfile exposes and the Service targets")
    void ports() throws IOException {
        JsonNode service = manifest("Service");

        assertThat(container().at("/ports/0/containerPort").asInt()).isEqualTo(servePort());
        assertThat(env("POLICY_PORT")).as("POLICY_PORT is left to serve's default").isNull();
        assertThat(containerPort(service.at("/spec/ports/0/targetPort"))).isEqualTo(servePort());
        assertThat(dockerfile("EXPOSE")).containsExactly(Integer.toString(servePort()));
        assertThat(service.at("/spec/selector")).isEqualTo(deployment().at("/spec/template/metadata/labels"));
        assertThat(deployment().at("/spec/selector/matchLabels")).isEqualTo(deployment().at("/spec/template/metadata/labels"));
    }

    @Test
    @DisplayName("Prometheus scrapes the metrics path on the container's port; the pod asks for 2 cores")
    void scrapeAndResources() {
        JsonNode annotations = deployment().at("/spec/template/metadata/annotations");
        HttpResponse<String> metrics = live.get(annotations.get("prometheus.io/path").asText());

        assertThat(annotations.get("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.get("prometheus.io/port").asInt()).isEqualTo(servePort());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(container().at("/resources/requests/cpu").asText()).isEqualTo("2");
    }

    @Test
    @DisplayName("the rules are a whole ConfigMap folder at POLICY_RULES, so it is updated in place; the log has its own volume")
    void volumes() throws IOException {
        JsonNode rules = mount(env("POLICY_RULES"));
        JsonNode log = mount(env("POLICY_LOG_DIR"));

        assertThat(volume(rules.get("name").asText()).at("/configMap/name").asText()).isNotEmpty();
        assertThat(rules.get("readOnly").asBoolean()).isTrue();
        assertThat(rules.has("subPath")).as("a subPath mount is never updated").isFalse();
        assertThat(volume(log.get("name").asText()).has("configMap")).isFalse();
        assertThat(dockerfile("VOLUME")).containsExactly(env("POLICY_LOG_DIR"));
        assertThat(Files.readString(ENTRY_SCRIPT)).contains("POLICY_RULES").contains("POLICY_LOG_DIR:-" + env("POLICY_LOG_DIR"));
    }

    @Test
    @DisplayName("the callers file is a whole Secret folder at POLICY_CALLERS, so a rotated token is read again; serve.sh passes it on")
    void callersFromASecret() throws IOException {
        String callers = env("POLICY_CALLERS");
        assertThat(callers).isNotBlank();
        JsonNode mount = mount(Path.of(callers).getParent().toString());

        assertThat(volume(mount.get("name").asText()).at("/secret/secretName").asText()).isEqualTo("policy-callers");
        assertThat(mount.get("readOnly").asBoolean()).isTrue();
        assertThat(mount.has("subPath")).as("a subPath mount is never updated").isFalse();
        assertThat(Files.readString(ENTRY_SCRIPT)).contains("--callers \"$POLICY_CALLERS\"");
    }

    @Test
    @DisplayName("the image runs the tested entry script as a user that is not root, the one the pod asks for")
    void imageUser() throws IOException {
        JsonNode security = deployment().at("/spec/template/spec/securityContext");
        String dockerfile = Files.readString(DOCKERFILE);
        Matcher uid = Pattern.compile("useradd [^\\n]*--uid (\\d+)[^\\n]* (\\w+)[ \\\\]*$", Pattern.MULTILINE).matcher(dockerfile);

        assertThat(uid.find()).as("a useradd with --uid in the Dockerfile").isTrue();
        assertThat(dockerfile("USER")).containsExactly(uid.group(2));
        assertThat(security.get("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.get("runAsUser").asText()).isEqualTo(uid.group(1)).isNotEqualTo("0");
        assertThat(dockerfile("ENTRYPOINT")).containsExactly("[\"/opt/policy/serve.sh\"]");
        assertThat(dockerfile).contains("COPY " + "policy-examples/" + ENTRY_SCRIPT.toString().replace('\\', '/') + " ./");
        assertThat(dockerfile("FROM")).last().asString().startsWith("eclipse-temurin:17-jre");
        assertThat(deployment().at("/spec/template/spec/terminationGracePeriodSeconds").asInt())
                .as("the pod's grace covers the preStop pause and the service's own 10 s").isGreaterThan(5 + 10);
    }

    private static int servePort() {
        return Integer.parseInt(new CommandLine(new ServeCommand()).getCommandSpec().findOption("--port").defaultValue());
    }

    /** A probe's or Service's port, by number or by the container port's name. */
    private static int containerPort(JsonNode port) {
        if (port.isInt()) return port.asInt();
        for (JsonNode declared : container().get("ports")) {
            if (declared.get("name").asText().equals(port.asText())) return declared.get("containerPort").asInt();
        }
        throw new AssertionError("no container port named " + port);
    }

    private static JsonNode deployment() {
        return manifest("Deployment");
    }

    private static JsonNode manifest(String kind) {
        return MANIFESTS.stream().filter(m -> m.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + DEPLOY));
    }

    private static JsonNode container() {
        return deployment().at("/spec/template/spec/containers/0");
    }

    private static String env(String name) {
        for (JsonNode variable : container().path("env")) {
            if (variable.get("name").asText().equals(name)) return variable.get("value").asText();
        }
        return null;
    }

    private static JsonNode mount(String path) {
        for (JsonNode mount : container().get("volumeMounts")) {
            if (mount.get("mountPath").asText().equals(path)) return mount;
        }
        throw new AssertionError("nothing mounted at " + path);
    }

    private static JsonNode volume(String name) {
        for (JsonNode volume : deployment().at("/spec/template/spec/volumes")) {
            if (volume.get("name").asText().equals(name)) return volume;
        }
        throw new AssertionError("no volume " + name);
    }

    /** The arguments of each Dockerfile instruction of that name, in order. */
    private static List<String> dockerfile(String instruction) throws IOException {
        return Files.readAllLines(DOCKERFILE).stream().filter(line -> line.startsWith(instruction + " "))
                .map(line -> line.substring(instruction.length() + 1).strip()).toList();
    }
}
