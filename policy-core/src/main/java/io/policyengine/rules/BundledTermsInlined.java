package io.policyengine.rules;

import io.policyengine.RuleLoadException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A step of policy-rules' build, not part of the library: writes the bundled packs' DRL with their terms written in
 * ({@link TermsInlined}) into a folder that kie-maven-plugin compiles to the executable model, so that the bundled packs'
 * rules test the claim alone instead of joining a {@code Terms} fact, as a pack compiled from its DRL at run time does
 * (docs/performance.md, "The levers in place"). The authors' files stay as they are, and they are what goes into the jar
 * and what everything else reads: the rules' hash that picks the built model, the rule index, {@code explain}, every
 * FILE:LINE (the written-in files keep their lines).
 * <p>
 * One DRL package's model serves every bundled pack that holds its files: store-standard's rules run in store-standard and
 * in electronics-plus, which extends it and changes some of its terms. So a file gets only the terms whose value is the
 * same in every bundled pack that holds it (each pack composed with its parents, the nearest declaration winning); a term
 * a child changes stays a join to the parent's {@code Terms}, which the child's value overrides at load. Any other folder
 * (a child of a bundled pack, a copy with an edited rule file) has another rules' hash, so it never gets this model: it is compiled from its
 * own DRL, with its own terms written in.
 * <p>
 * Arguments: the module's resources folder (its {@code packs/NAME/} must be on the classpath, where
 * {@link PackFiles#bundledFolder} finds a parent by name), and the resources folder of the project kie-maven-plugin builds.
 */
public final class BundledTermsInlined {
    private static final String KMODULE = "META-INF/kmodule.xml";

    private BundledTermsInlined() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) throw new IllegalArgumentException("usage: BundledTermsInlined RESOURCES OUT");
        write(Path.of(args[0]).toAbsolutePath().normalize(), Path.of(args[1]).toAbsolutePath().normalize());
    }

    /** Writes {@code resources}' kmodule.xml and every bundled pack's DRL files into {@code out}, under the same names. */
    static void write(Path resources, Path out) throws IOException, RuleLoadException, PackFiles.NotUtf8 {
        Map<Path, Map<String, String>> terms = termsByFile();
        Path real = resources.toRealPath();
        for (Path file : terms.keySet()) {
            // packs found elsewhere on the classpath (an old build's classes) would leave these files as written, unsaid
            if (!file.startsWith(real)) throw new IllegalStateException("the bundled pack file " + file + " is not under " + real);
        }
        copy(resources.resolve(KMODULE), out.resolve(KMODULE));
        for (Path file : drlFiles(resources.resolve(PackFiles.BUNDLED_ROOT))) {
            Path target = out.resolve(resources.relativize(file).toString());
            Map<String, String> values = terms.getOrDefault(file.toRealPath(), Map.of());
            if (values.isEmpty()) {
                copy(file, target);
            } else {
                Files.createDirectories(target.getParent());
                Files.writeString(target, TermsInlined.rules(PackFiles.text(file, Files.readAllBytes(file)), values), StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * For each DRL file of a bundled pack, the terms its rules may have written in: those of the same value in every
     * bundled pack (composed with its parents) that holds the file.
     */
    static Map<Path, Map<String, String>> termsByFile() throws IOException, RuleLoadException {
        List<String> names = PackFiles.bundledNames();
        if (names.isEmpty()) throw new IllegalStateException("no bundled packs on the classpath (" + PackFiles.BUNDLED_ROOT + ")");
        Map<Path, Map<String, String>> byFile = new LinkedHashMap<>();
        for (String name : names) {
            List<PackFiles.DrlFile> files = PackChain.of(PackFiles.read(PackFiles.bundledFolder(name))).files().files();
            Map<String, String> values = TermsInlined.values(files);
            for (PackFiles.DrlFile file : files) {
                byFile.merge(file.path().toRealPath(), new HashMap<>(values), (held, more) -> {
                    held.entrySet().retainAll(more.entrySet());
                    return held;
                });
            }
        }
        return byFile;
    }

    private static List<Path> drlFiles(Path packs) throws IOException {
        try (Stream<Path> files = Files.walk(packs)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".drl") && Files.isRegularFile(f)).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
