package io.policyengine.rules;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled packs as policy-rules' build compiled them: Drools' executable model (kie-maven-plugin),
 * one model class per DRL package, listed in the model index. Loading a pack from its model skips the
 * DRL parser and the Java compiler, which are most of a cold start.
 */
final class BuiltModel {
    /** Where kie-maven-plugin lists the model classes it generated for policy-rules. */
    static final String INDEX = "META-INF/kie/io.policyengine/policy-rules/drools-model";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    /** Model class names by package, read once. */
    private static volatile Map<String, String> byPackage;

    private BuiltModel() {
    }

    /**
     * The knowledge base of the pack's DRL packages from the built model, when the build compiled every
     * one of them; empty otherwise (the caller compiles the DRL instead).
     */
    static Optional<KieBase> kieBase(PackFiles pack) {
        Map<String, String> models = index();
        List<Model> found = new ArrayList<>();
        for (String packageName : packages(pack)) {
            String modelClass = models.get(packageName);
            if (modelClass == null) return Optional.empty();
            found.add(instantiate(modelClass));
        }
        if (found.isEmpty()) return Optional.empty();
        return Optional.of(KieBaseBuilder.createKieBaseFromModel(found));
    }

    /** The packages the pack's files declare, in file order. */
    static Set<String> packages(PackFiles pack) {
        Set<String> packages = new LinkedHashSet<>();
        for (PackFiles.DrlFile file : pack.files()) {
            Matcher name = PACKAGE.matcher(file.text());
            if (name.find()) packages.add(name.group(1));
        }
        return packages;
    }

    private static Model instantiate(String modelClass) {
        try {
            return (Model) Class.forName(modelClass, true, BuiltModel.class.getClassLoader()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("the built rule model " + modelClass + " does not load; rebuild policy-rules", e);
        }
    }

    private static Map<String, String> index() {
        Map<String, String> index = byPackage;
        if (index == null) byPackage = index = readIndex();
        return index;
    }

    private static Map<String, String> readIndex() {
        Map<String, String> index = new LinkedHashMap<>();
        try (InputStream in = BuiltModel.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) return Map.of();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int dot = line.lastIndexOf('.');
                // the first line is "Drools-Model-Version:..."; the others name one class each
                if (line.contains(":") || dot < 0) continue;
                index.put(line.substring(0, dot).trim(), line.trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return Map.copyOf(index);
    }
}
