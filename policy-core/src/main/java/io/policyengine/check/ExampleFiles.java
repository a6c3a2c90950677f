package io.policyengine.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.json.ClaimJson;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /** The {@code .jsonl} files in the given files and folders (folders searched recursively), sorted. */
    public static List<Path> find(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.toString().endsWith(".jsonl") && Files.isRegularFile(p)).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /** Reads every example of {@code file}; a missing or unreadable file is one example with an error. */
    public static List<Example> read(Path file) {
        List<Example> examples = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            examples.add(new Example(file, 0, null, null, Files.exists(file) ? "not a file" : "no such file"));
            return examples;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (!text.isBlank()) examples.add(parse(file, line, text));
            }
        } catch (IOException e) {
            examples.add(new Example(file, 0, null, null, "cannot be read: " + e.getMessage()));
        }
        if (examples.isEmpty()) examples.add(new Example(file, 0, null, null, "holds no examples"));
        return examples;
    }

    static Example parse(Path file, int line, String text) {
        try {
            JsonNode node = ClaimJson.readValue("example", text);
            if (node == null || !node.isObject()) return error(file, line, "expected {\"claim\": {...}, \"expect\": {...}}");
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("claim") && !name.equals("expect") && !name.equals("note")) {
                    return error(file, line, name + ": unknown field (an example has claim, expect and an optional note)");
                }
            }
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
