package io.policyengine.rules;

import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.Rule;
import org.drools.model.TypeMetaData;
import org.drools.modelcompiler.KieBaseBuilder;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.internal.conf.CompositeConfiguration;
import org.kie.api.KieBase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
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
     * one of them; empty otherwise (the caller compiles the DRL instead). The rules of {@code removed}, files a
     * child pack replaced or dropped, are left out of their parent's package.
     */
    static Optional<KieBase> kieBase(PackFiles pack, RuleIndex written, RuleIndex removed) {
        Map<String, String> models = index();
        List<Model> found = new ArrayList<>();
        for (String packageName : packages(pack)) {
            String modelClass = models.get(packageName);
            if (modelClass == null) return Optional.empty();
            found.add(new AsWritten(instantiate(modelClass), written, removed));
        }
        if (found.isEmpty()) return Optional.empty();
        return Optional.of(KieBaseBuilder.createKieBaseFromModel(found));
    }

    /** Whether the build made a model of every DRL package of {@code pack}'s files. */
    static boolean hasModelOf(PackFiles pack) {
        Set<String> packages = packages(pack);
        return !packages.isEmpty() && index().keySet().containsAll(packages);
    }

    /**
     * A built model with its rules in the order they are written (files by name, then line), as the DRL
     * compiler adds them. Drools fires rules of equal salience in the order they were added to the knowledge
     * base; kie-maven-plugin adds them in the order of a hash map of every file in {@code target/classes},
     * which changes with whatever an earlier build left there (docs/embedding.md, "Firing order").
     */
    private record AsWritten(Model model, RuleIndex written, RuleIndex removed) implements Model {
        @Override
        public String getName() {
            return model.getName();
        }

        @Override
        public String getPackageName() {
            return model.getPackageName();
        }

        @Override
        public List<Global> getGlobals() {
            return model.getGlobals();
        }

        @Override
        public List<Rule> getRules() {
            List<String> order = written.writtenOrder();
            List<Rule> rules = new ArrayList<>(model.getRules().size());
            // a parent's package holds the rules of the files its child replaced or dropped: those are not the pack's
            for (Rule rule : model.getRules()) {
                if (written.has(rule.getPackage(), rule.getName()) || !removed.has(rule.getPackage(), rule.getName())) rules.add(rule);
            }
            // a rule the index does not know (none should be) goes last, by name
            rules.sort(Comparator.comparingInt((Rule rule) -> order.contains(rule.getName()) ? order.indexOf(rule.getName()) : order.size())
                    .thenComparing(Rule::getName));
            return rules;
        }

        @Override
        public List<Query> getQueries() {
            return model.getQueries();
        }

        @Override
        public List<TypeMetaData> getTypeMetaDatas() {
            return model.getTypeMetaDatas();
        }

        @Override
        public List<EntryPoint> getEntryPoints() {
            return model.getEntryPoints();
        }
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

    /**
     * {@code parent} without the classes the build generated for the bundled packs. A rules folder
     * that declares the package of a bundled pack (a copy of store-standard being edited, say) must get
     * its own declared types, such as its {@code Terms} with its own values: given the bundled class of
     * the same name, the DRL compiler would use it, defaults and all.
     */
    static ClassLoader without(ClassLoader parent) {
        Set<String> packages = index().keySet();
        if (packages.isEmpty()) return parent;
        return new ClassLoader(parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (hides(name, '.')) throw new ClassNotFoundException(name);
                return super.loadClass(name, resolve);
            }

            @Override
            public URL getResource(String name) {
                return hides(name, '/') ? null : super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return hides(name, '/') ? Collections.emptyEnumeration() : super.getResources(name);
            }

            private boolean hides(String name, char separator) {
                for (String hidden : packages) {
                    String prefix = separator == '.' ? hidden + '.' : hidden.replace('.', '/') + '/';
                    if (name.startsWith(prefix)) return true;
                }
                return false;
            }
        };
    }

    /**
     * Makes a builder's or a knowledge base's configuration keep to {@code hiding}: Drools otherwise
     * falls back on the class loader of its own classes, which sees the bundled packs' classes.
     */
    static void keepHidden(Object configuration, ClassLoader hiding) {
        if (configuration instanceof CompositeConfiguration<?, ?, ?> composite
                && composite.getClassLoader() instanceof ProjectClassLoader project) {
            project.setDroolsClassLoader(hiding);
        }
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
