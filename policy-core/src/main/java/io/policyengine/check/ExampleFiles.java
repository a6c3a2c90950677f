package io.policyengine.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.JsonLines;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads example files: JSON Lines of {@code {"claim": ..., "expect": ...}}, one example a line. */
public final class ExampleFiles {
    private ExampleFiles() {
    }

    /**
     * The {@code .jsonl} files in the given files and folders (folders searched recursively), sorted. A
     * folder that holds none is listed itself, so that reading it reports that it holds no examples.
     */
    public static List<Path> find(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    List<Path> found = walk.filter(p -> p.toString().endsWith(".jsonl") && Files.isRegularFile(p)).sorted().toList();
                    files.addAll(found.isEmpty() ? List.of(path) : found);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /**
     * Reads every example of {@code file}, as strictly as {@code decide} reads claims (one example a
     * line, no comments, no unknown keys); a missing or unreadable file, or a folder without example
     * files, is one example with an error.
     */
    public static List<Example> read(Path file) {
        List<Example> examples = new ArrayList<>();
        if (Files.isDirectory(file)) {
            examples.add(error(file, 0, "holds no example files (*.jsonl)"));
            return examples;
        }
        if (!Files.isRegularFile(file)) {
            examples.add(error(file, 0, Files.exists(file) ? "not a file" : "no such file"));
            return examples;
        }
        for (JsonLines.Line line : JsonLines.read(file)) {
            examples.add(line.error() != null ? error(file, line.number(), line.error()) : parse(file, line.number(), line.value()));
        }
        if (examples.isEmpty()) examples.add(error(file, 0, "holds no examples"));
        return examples;
    }

    static Example parse(Path file, int line, JsonNode node) {
        try {
            if (node == null || !node.isObject()) return error(file, line, "expected {\"claim\": {...}, \"expect\": {...}}");
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("claim") && !name.equals("expect") && !name.equals("note")) {
                    return error(file, line, name + ": unknown field (an example has claim, expect and an optional note)");
                }
            }
            if (node.has("note") && !node.get("note").isTextual()) return error(file, line, "note: expected a string");
            if (!node.has("claim")) return error(file, line, "claim: missing");
            if (!node.has("expect")) return error(file, line, "expect: missing");
            Expectation expect = Expectation.parse(node.get("expect"));
            Claim claim = ClaimJson.parse(node.get("claim"));
            return new Example(file, line, claim, expect, null);
        } catch (BadInputException e) {
            return error(file, line, e.getMessage());
        }
    }

    private static Example error(Path file, int line, String message) {
        return new Example(file, line, null, null, message);
    }
}
