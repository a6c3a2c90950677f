package io.policyengine.examples.cli;

import io.policyengine.examples.command.RulesOption;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Packs compiled once and compiled again only when a file of their folder changed: in
 * {@code test --watch}, a save of an example file re-runs the examples without recompiling any
 * rules, and a save in the store's folder leaves the floors compiled. Bundled packs never change.
 */
final class UnchangedPacks implements RulesOption.Packs {
    private record Compiled(List<String> files, PolicyEngine engine) {
    }

    private final Map<Path, Compiled> folders = new HashMap<>();
    private final Map<String, PolicyEngine> bundled = new HashMap<>();

    @Override
    public PolicyEngine load(Path folder) throws RuleLoadException {
        Path key = folder.toAbsolutePath().normalize();
        List<String> files = files(key);
        Compiled compiled = folders.get(key);
        if (compiled != null && files != null && files.equals(compiled.files())) return compiled.engine();
        PolicyEngine engine = PolicyEngine.load(folder);
        folders.put(key, new Compiled(files, engine));
        return engine;
    }

    @Override
    public PolicyEngine bundled(String name) throws RuleLoadException {
        PolicyEngine engine = bundled.get(name);
        if (engine == null) {
            engine = PolicyEngine.bundled(name);
            bundled.put(name, engine);
        }
        return engine;
    }

    /**
     * Every file of the folder and of its version sub-folders with a digest of its content (a pack is a
     * few kilobytes: reading it is far cheaper than compiling it); null when the folder cannot be read.
     */
    private static List<String> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder, 2)) {
            List<String> files = new ArrayList<>();
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                files.add(file + " " + HexFormat.of().formatHex(digest));
            }
            return files;
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return null;
        }
    }
}
