package io.policyengine.rules;

import io.policyengine.RuleProblem;
import io.policyengine.model.PackTerm;
import io.policyengine.model.PolicyId;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.policyengine.rules.PackDeclarations.PACK_TYPE;
import static io.policyengine.rules.PackDeclarations.TERMS_TYPE;

/**
 * What a compiled pack declares of itself: its {@code Pack} metadata, its terms with the fact that carries them into
 * every session, and, for a pack that extends others (contract 14.1), its parents and which pack's file gives each
 * term its value. A child's term of the same name as a parent's overrides it: the parent's rules read the child's value.
 *
 * @param values  every term by name, as the rules read them
 * @param facts   the {@code Terms} facts inserted with every claim, one per DRL package that declares terms
 * @param parents the packs extended, nearest first
 * @param origins where each term's value is declared
 */
record PackTerms(Map<String, Object> values, List<Object> facts, Map<String, String> metadata, List<PolicyId> parents,
                 List<PackTerm> origins) {

    /** A pack that extends none: every package's {@code Pack} and {@code Terms}, as the knowledge base lists them. */
    static PackTerms single(KieBase base, PackFiles files) {
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Object> terms = new LinkedHashMap<>();
        List<Object> facts = new ArrayList<>();
        for (KiePackage kiePackage : base.getKiePackages()) {
            FactType pack = base.getFactType(kiePackage.getName(), PACK_TYPE);
            if (pack != null) {
                PackLoader.values(pack, PackLoader.newInstance(pack, files.folder())).forEach((k, v) -> metadata.put(k, String.valueOf(v)));
            }
            FactType termType = base.getFactType(kiePackage.getName(), TERMS_TYPE);
            if (termType != null) {
                Object instance = PackLoader.newInstance(termType, files.folder());
                facts.add(instance);
                terms.putAll(PackLoader.values(termType, instance));
            }
        }
        terms = PackLoader.inDeclarationOrder(terms, files.files());
        String name = metadata.getOrDefault("name", files.folder().getFileName().toString());
        List<PackTerm> origins = new ArrayList<>();
        terms.forEach((term, value) -> origins.add(origin(term, value, name, files.files(), files.folder())));
        return new PackTerms(Collections.unmodifiableMap(terms), List.copyOf(facts), Map.copyOf(metadata), List.of(), List.copyOf(origins));
    }

    /**
     * A pack and its parents, the root first: each layer's terms set over the terms of the same name of the layers
     * before it. A child's term that no parent has and none of its own rules reads is an error at its line.
     */
    static PackTerms layered(KieBase base, PackChain chain, RuleIndex index, List<RuleProblem> problems) {
        Map<String, Object> terms = new LinkedHashMap<>();
        Map<String, PackTerm> origins = new LinkedHashMap<>();
        List<Object> facts = new ArrayList<>();
        List<FactType> types = new ArrayList<>();
        List<PolicyId> parents = new ArrayList<>();
        Map<String, String> metadata = Map.of();
        List<PackChain.Layer> layers = chain.layers();
        for (int i = 0; i < layers.size(); i++) {
            PackChain.Layer layer = layers.get(i);
            List<PackFiles.DrlFile> own = chain.files().files().stream().filter(f -> layer.holds(f.path())).toList();
            Map<String, String> declared = new LinkedHashMap<>();
            FactType pack = layer.packageName() == null ? null : base.getFactType(layer.packageName(), PACK_TYPE);
            if (pack != null) {
                PackLoader.values(pack, PackLoader.newInstance(pack, layer.folder())).forEach((k, v) -> declared.put(k, String.valueOf(v)));
            }
            String name = declared.getOrDefault("name", layer.folder().getFileName().toString().replace("/", ""));
            if (i < layers.size() - 1) {
                parents.add(0, new PolicyId(name, declared.getOrDefault("version", "unversioned"), layer.hash()));
            } else {
                metadata = Map.copyOf(declared);
            }
            FactType termType = layer.packageName() == null ? null : base.getFactType(layer.packageName(), TERMS_TYPE);
            if (termType == null) continue;
            Object instance = PackLoader.newInstance(termType, layer.folder());
            Map<String, Object> values = PackLoader.inDeclarationOrder(PackLoader.values(termType, instance), own);
            for (Map.Entry<String, Object> term : values.entrySet()) {
                PackTerm origin = origin(term.getKey(), term.getValue(), name, own, layer.folder());
                if (i > 0 && i == layers.size() - 1 && !terms.containsKey(term.getKey()) && !readByOwnRules(term.getKey(), layer, index)
                        && !PackDeclarations.ENGINE_TERMS.contains(term.getKey())) {
                    problems.add(RuleProblem.error(origin.file(), origin.line(), "term " + term.getKey() + ": the packs " + name
                            + " extends have no term of that name" + ProblemHints.didYouMean(term.getKey(), List.copyOf(terms.keySet()))
                            + ", and no rule of " + name + " reads it; a child's Terms change its parents' terms by name"));
                    continue;
                }
                for (int t = 0; t < types.size(); t++) {
                    overrideIn(types.get(t), facts.get(t), term.getKey(), term.getValue(), origin, problems);
                }
                terms.put(term.getKey(), term.getValue());
                origins.put(term.getKey(), origin);
            }
            types.add(termType);
            facts.add(instance);
        }
        return new PackTerms(Collections.unmodifiableMap(terms), List.copyOf(facts), metadata, List.copyOf(parents),
                List.copyOf(origins.values()));
    }

    /** Sets a parent's term to the child's value, when the parent's Terms has a field of that name. */
    private static void overrideIn(FactType type, Object parentTerms, String term, Object value, PackTerm origin, List<RuleProblem> problems) {
        if (type.getField(term) == null) return;
        try {
            type.set(parentTerms, term, value);
        } catch (RuntimeException e) {
            Object parentValue = type.get(parentTerms, term);
            problems.add(RuleProblem.error(origin.file(), origin.line(), "term " + term + " = " + value + ": the parent's "
                    + term + " is " + (parentValue == null ? "of another type" : "a " + parentValue.getClass().getSimpleName()
                    + " (" + parentValue + ")") + "; a child's term keeps the type of the term it changes"));
        }
    }

    private static boolean readByOwnRules(String term, PackChain.Layer layer, RuleIndex index) {
        return index.rules().values().stream().anyMatch(rule -> layer.holds(rule.file()) && rule.terms().contains(term));
    }

    /** The term's declaration among {@code files}: the first line that declares a field of its name; line 0 of {@code folder} when none does. */
    static PackTerm origin(String term, Object value, String pack, List<PackFiles.DrlFile> files, Path folder) {
        Pattern declaration = Pattern.compile("^\\s*" + Pattern.quote(term) + "\\s*:", Pattern.MULTILINE);
        for (PackFiles.DrlFile file : files) {
            Matcher found = declaration.matcher(file.text());
            if (found.find()) {
                int line = PackFiles.lineAt(file.text(), found.start() + found.group().indexOf(term));
                return new PackTerm(term, value, pack, file.path(), line);
            }
        }
        return new PackTerm(term, value, pack, folder, 0);
    }
}
