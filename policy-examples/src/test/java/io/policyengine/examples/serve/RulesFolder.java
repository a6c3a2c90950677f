package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A copy of the store-standard pack for a test to edit, and the waiting for a watching service to see it. */
final class RulesFolder {
    static final Path BUNDLED = Path.of("..", "policy-rules", "src", "main", "resources", "packs", "store-standard");

    private RulesFolder() {
    }

    static Path copyOfStoreStandard(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(BUNDLED)) {
            for (Path file : files.toList()) Files.copy(file, folder.resolve(file.getFileName()));
        }
        return folder;
    }

    /** A policy author's save: the new text replaces the file at once. */
    static void edit(Path pack, String file, String from, String to) throws IOException {
        Path path = pack.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Path staged = Files.writeString(pack.resolveSibling(file + ".tmp"),
                text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
        Files.move(staged, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A new term value in pack.drl: a save that compiles and changes the pack's hash. */
    static void changeRefundDays(Path pack, int from, int to) throws IOException {
        edit(pack, "pack.drl", "defectRefundDays   : int = " + from, "defectRefundDays   : int = " + to);
    }

    static JsonNode policy(LiveService live) {
        return LiveService.parse(live.get("/v1/policy").body());
    }

    /** Polls /v1/policy until it shows what is awaited; reloading compiles and checks the pack, seconds on a busy machine. */
    static JsonNode waitFor(LiveService live, Predicate<JsonNode> awaited) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode policy = policy(live);
        while (!awaited.test(policy) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            policy = policy(live);
        }
        assertThat(awaited).as("/v1/policy after a save: %s", policy).accepts(policy);
        return policy;
    }
}
