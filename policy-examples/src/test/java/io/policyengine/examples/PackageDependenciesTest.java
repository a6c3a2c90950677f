package io.policyengine.examples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rooms of the programs and which way their arrows go (docs/architecture.md): the command line ({@code cli})
 * and the service ({@code serve}) each stand on the shared rooms below them (the batch pipeline, the options every
 * command takes, the report, the words) and neither knows the other, but for the one place that wires the
 * commands together. Read from the sources' own imports and qualified names.
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/policyengine/examples");
    /** The top-level command: it alone names the service's command, to put it beside the others. */
    private static final String WIRES_THE_COMMANDS = "cli/PolicyCli.java";
    private static final Pattern USES = Pattern.compile("\\bio\\.policyengine\\.examples\\.(\\w+)\\.");
    private static final Set<String> SHARED = Set.of("pipeline", "command", "report", "words", "reference", "access");

    @Test
    @DisplayName("the service uses nothing of the command line")
    void serviceDoesNotUseTheCommandLine() {
        assertThat(uses("serve", "cli")).isEmpty();
    }

    @Test
    @DisplayName("the command line uses the service only where the commands are wired together")
    void commandLineUsesTheServiceOnlyToWireItsCommand() {
        assertThat(uses("cli", "serve")).containsExactly(WIRES_THE_COMMANDS + " uses serve");
    }

    @Test
    @DisplayName("the rooms both programs stand on use neither program")
    void sharedRoomsUseNeitherProgram() {
        List<String> upward = new ArrayList<>();
        for (String room : SHARED) {
            upward.addAll(uses(room, "cli"));
            upward.addAll(uses(room, "serve"));
        }
        assertThat(upward).isEmpty();
    }

    @Test
    @DisplayName("the check reads the rooms it names: each has sources")
    void everyRoomNamedHasSources() {
        for (String room : Set.of("cli", "serve", "pipeline", "command", "report", "words")) {
            assertThat(SOURCES.resolve(room)).as(room).isDirectoryContaining("glob:**.java");
        }
    }

    /** Each source of {@code room} that names a class of {@code other}, as "FILE uses OTHER". */
    private static Set<String> uses(String room, String other) {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(room))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher named = USES.matcher(withoutComments(Files.readString(file)));
                while (named.find()) {
                    if (named.group(1).equals(other)) found.add(SOURCES.relativize(file).toString().replace('\\', '/') + " uses " + other);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The code without its comments: a {@code {@link}} in a comment is no dependency. */
    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
