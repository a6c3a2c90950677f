package io.policyengine.examples.serve;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The container image's entry command (src/main/container/serve.sh, the Dockerfile's ENTRYPOINT), run
 * here as the image runs it: from a distribution laid out as the Dockerfile lays it out, with the
 * class-data-sharing archive built as the Dockerfile builds it, as a user who is not root, writing its
 * decision log to a folder of its own. No image is built: no registry is reachable from here.
 */
class ContainerEntryTest {
    private static final int NOBODY = 65534;
    private static final Path SCRIPT = Path.of("src", "main", "container", "serve.sh");
    private static final Path CDS_SCRIPT = Path.of("src", "main", "cds", "build-archive.sh");
    private static final Pattern READY = Pattern.compile("serving store-standard 1 \\(hash [0-9a-f]{12}\\) on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path temp;

    @Test
    @DisplayName("serve.sh, run as nobody, serves /readyz and decisions, logs to its volume, and stops on SIGTERM with 0")
    void servesAsNonRootUser() throws Exception {
        assumeThat((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
                .as("switching to the user nobody needs root; skipped when the tests do not run as root").isZero();
        assumeThat(Path.of("/usr/bin/setpriv")).as("setpriv (util-linux) runs the script as nobody").isExecutable();
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = distribution(temp.resolve("opt-policy"));
        run(List.of("bash", CDS_SCRIPT.toAbsolutePath().toString(), home.toString()), Map.of(), temp.resolve("cds.txt"))
                .waitFor(120, TimeUnit.SECONDS);
        assertThat(home.resolve("cds/policy.jsa")).as("the class-data-sharing archive, as the Dockerfile builds it").exists();
        Path logs = Files.createDirectory(temp.resolve("var-log-policy"));
        Files.setAttribute(logs, "unix:uid", NOBODY);
        Files.setAttribute(logs, "unix:gid", NOBODY);
        Path stderr = temp.resolve("stderr.txt");

        Process server = run(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--",
                        home.resolve("serve.sh").toString()),
                Map.of("POLICY_HOST", "127.0.0.1", "POLICY_PORT", "0", "POLICY_LOG_DIR", logs.toString(),
                        "POLICY_WARM_UP", "1", "HOSTNAME", "pod-1", "JAVA_HOME", System.getProperty("java.home")),
                stderr);
        try {
            URI uri = readyUri(server, stderr);
            assertThat((Integer) Files.getAttribute(Path.of("/proc", Long.toString(server.pid())), "unix:uid"))
                    .as("the JVM's user").isEqualTo(NOBODY);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(uri.resolve("/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> decided = client.send(HttpRequest.newBuilder(uri.resolve("/v1/decisions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(LiveService.EXAMPLE_CLAIM))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(decided.statusCode()).isEqualTo(200);
            assertThat(decided.body()).contains("\"claimId\":\"C-1001\"");
            server.destroy(); // SIGTERM, as a container runtime sends it
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
            Path log = logs.resolve("decisions-pod-1.jsonl");
            assertThat(Files.readAllLines(log)).singleElement().asString()
                    .contains("\"decisionId\":\"" + decided.headers().firstValue("Decision-Id").orElseThrow() + "\"");
            assertThat((Integer) Files.getAttribute(log, "unix:uid")).as("the log's owner").isEqualTo(NOBODY);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    @DisplayName("serve.sh refuses to start, in one line, when its decision log's folder is not writable")
    void logFolderNotWritable() throws Exception {
        Path stderr = temp.resolve("stderr.txt");
        Process script = run(List.of("bash", SCRIPT.toAbsolutePath().toString()),
                Map.of("POLICY_LOG_DIR", temp.resolve("missing").toString()), stderr);

        assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).isEqualTo(2);
        assertThat(Files.readAllLines(stderr)).singleElement().asString()
                .startsWith("policy: the decision log's folder " + temp.resolve("missing") + " is missing or not writable");
    }

    /**
     * The image's /opt/policy, from this test's class path: policy-examples.jar, lib/*.jar (module class
     * folders packed as jars), the entry script, and the archive's training script and claims.
     */
    private static Path distribution(Path home) throws IOException {
        Path lib = Files.createDirectories(home.resolve("lib"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                if (path.endsWith("test-classes")) continue;
                String module = path.toAbsolutePath().normalize().getParent().getParent().getFileName().toString();
                jar(path, module.equals("policy-examples") ? home.resolve("policy-examples.jar") : lib.resolve(module + ".jar"));
            } else if (entry.endsWith(".jar")) {
                Path copy = lib.resolve(path.getFileName());
                try {
                    Files.createLink(copy, path);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(path, copy);
                }
            }
        }
        Files.copy(SCRIPT, home.resolve("serve.sh"));
        Path training = Files.createDirectories(home.resolve("training"));
        Files.copy(CDS_SCRIPT, training.resolve("build-archive.sh"));
        Files.copy(CDS_SCRIPT.resolveSibling("training-claims.jsonl"), training.resolve("training-claims.jsonl"));
        Files.walk(home).forEach(ContainerEntryTest::readableByAll);
        return home;
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Files.walkFileTree(classes, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(classes)) out.putNextEntry(new JarEntry(entryName(classes, dir) + "/"));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    out.putNextEntry(new JarEntry(entryName(classes, file)));
                    Files.copy(file, out);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }

    private static String entryName(Path root, Path path) {
        return root.relativize(path).toString().replace(File.separatorChar, '/');
    }

    private static void readableByAll(Path path) {
        try {
            boolean executable = Files.isDirectory(path) || path.toString().endsWith(".sh");
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Process run(List<String> command, Map<String, String> environment, Path stderr) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static URI readyUri(Process server, Path stderr) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String text = Files.readString(stderr);
        while (!text.contains("\n") && server.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            text = Files.readString(stderr);
        }
        String line = text.lines().findFirst().orElse("");
        Matcher matcher = READY.matcher(line);
        assertThat(matcher.matches()).as("ready line %s", text).isTrue();
        return URI.create(matcher.group(1));
    }
}
