package io.policyengine.rules;

import io.policyengine.RuleLoadException;
import io.policyengine.RuleProblem;
import io.policyengine.facts.WorkingCalendar;
import io.policyengine.model.PolicyId;
import io.policyengine.text.Language;
import io.policyengine.text.PackSentences;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.policyengine.rules.PackDeclarations.DEFAULT_FIRING_LIMIT;
import static io.policyengine.rules.PackDeclarations.PACK_TYPE;
import static io.policyengine.rules.PackDeclarations.TERMS_TYPE;

/**
 * Reads a pack's files and compiles them into a {@link RulePack}: its rules, identity, terms, sentences
 * and calendar. Every problem of the files, sentences and terms refuses the pack, all at once.
 */
final class PackLoader {
    private static final Pattern TERMS_DECLARATION =
            Pattern.compile("(?s)\\bdeclare\\s+" + TERMS_TYPE + "\\b(.*?)^\\s*end\\b", Pattern.MULTILINE);
    private static final Pattern DECLARED_FIELD = Pattern.compile("(?m)^\\s*(\\w+)\\s*:");
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9_]{1,30})\"");

    /** The rules' hashes of the bundled packs, each composed with its parents: read once, they do not change while the process runs. */
    private static volatile Set<String> bundledRulesHashes;

    private PackLoader() {
    }

    /** Compiles the files of {@code folder}, laid over those of the packs it extends. */
    static RulePack load(Path folder) throws RuleLoadException {
        return load(folder, null);
    }

    /** The same, or the pack {@code compiled} (may be null) kept from when the folder held these very files. */
    static RulePack load(Path folder, PackCache compiled) throws RuleLoadException {
        PackChain chain = PackChain.of(PackFiles.read(folder));
        PackFiles files = chain.files();
        RulePack known = compiled == null ? null : compiled.get(files.folder(), files.hash());
        if (known != null) return known;
        RuleIndex index = RuleIndex.of(files.files());
        // the very rule files a bundled pack is built from (its source folder, a copy of it, one with its sentences
        // reworded): the build compiled them already
        Optional<KieBase> built = isBundled(files) ? BuiltModel.kieBase(files, index, RuleIndex.of(chain.removed())) : Optional.empty();
        if (built.isPresent()) return of(chain, index, built.get());
        return fromDrl(chain, index);
    }

    /** The pack of {@code chain} compiled from its DRL. */
    private static RulePack fromDrl(PackChain chain, RuleIndex index) throws RuleLoadException {
        PackFiles files = chain.files();
        KieBase base;
        try {
            base = PackCompiler.compile(files);
        } catch (RuleLoadException e) {
            // rules that do not compile: the folder and the sentences can still be checked, and reported in the same run
            List<RuleProblem> problems = new ArrayList<>(files.problems());
            problems.addAll(e.problems());
            PackTexts.read(files, index, problems);
            throw new RuleLoadException(problems);
        }
        return of(chain, index, base);
    }

    /**
     * {@code folder}'s pack compiled from its DRL, when its rule files are a bundled pack's and so were loaded from the
     * build's model: the DRL compiler's first run in a JVM is its slowest, and so are a compiled pack's first decisions,
     * and the first save of a watched folder should not be the one to pay them. Empty for other folders (their load ran
     * the compiler) and for any problem.
     */
    static Optional<RulePack> warmCompiler(Path folder) {
        try {
            PackChain chain = PackChain.of(PackFiles.read(folder));
            PackFiles files = chain.files();
            if (!isBundled(files)) return Optional.empty();
            return Optional.of(fromDrl(chain, RuleIndex.of(files.files())));
        } catch (RuleLoadException | RuntimeException e) {
            // a folder that does not compile: the first save compiles it anyway and says why
            return Optional.empty();
        }
    }

    /** The bundled pack {@code name}: from the executable model policy-rules' build compiled it to, or from its DRL when there is none. */
    static RulePack bundled(String name) throws RuleLoadException {
        PackChain chain = PackChain.of(PackFiles.read(PackFiles.bundledFolder(name)));
        PackFiles files = chain.files();
        RuleIndex index = RuleIndex.of(files.files());
        Optional<KieBase> built = BuiltModel.kieBase(files, index, RuleIndex.of(chain.removed()));
        return of(chain, index, built.isPresent() ? built.get() : PackCompiler.compile(files));
    }

    /**
     * Whether the rule files of {@code files} (a pack composed with its parents) hold, byte for byte, what a bundled pack's
     * do: the same rules' hash, whatever their sentences and calendar. Only asked when the build made a model of each of
     * their DRL packages.
     */
    private static boolean isBundled(PackFiles files) {
        if (!BuiltModel.hasModelOf(files)) return false;
        Set<String> hashes = bundledRulesHashes;
        if (hashes == null) {
            Set<String> found = new HashSet<>();
            for (String name : PackFiles.bundledNames()) {
                try {
                    found.add(PackChain.of(PackFiles.read(PackFiles.bundledFolder(name))).files().rulesHash());
                } catch (RuleLoadException e) {
                    // a bundled pack that does not read is no pack to match: the folder is compiled from its DRL
                }
            }
            bundledRulesHashes = hashes = Set.copyOf(found);
        }
        return hashes.contains(files.rulesHash());
    }

    /** The pack of {@code chain} compiled to {@code base}; every problem of its files, sentences and terms refuses it, all at once. */
    private static RulePack of(PackChain chain, RuleIndex index, KieBase base) throws RuleLoadException {
        PackFiles files = chain.files();
        List<RuleProblem> problems = new ArrayList<>(files.problems());
        Map<Language, PackSentences> sentences = PackTexts.read(files, index, problems);
        PackTerms declared = chain.layers().size() == 1 ? PackTerms.single(base, files)
                : PackTerms.layered(base, chain, index, problems);
        Map<String, Object> terms = declared.values();
        List<Object> termFacts = new ArrayList<>(declared.facts());
        // nearest first: a term a child changes is reported at the child's line
        List<PackFiles.DrlFile> nearestFirst = new ArrayList<>(files.files());
        Collections.reverse(nearestFirst);
        problems.addAll(TermChecks.problems(terms, nearestFirst, files.folder()));
        problems.addAll(TermChecks.rowProblems(tableRows(base, termFacts), files.files(), files.folder()));
        CalendarFile calendar = files.calendar() == null ? null
                : CalendarFile.read(files.calendar().path(), files.calendar().content(), problems);
        if (!problems.isEmpty()) throw new RuleLoadException(problems);
        termFacts.add(calendar == null ? WorkingCalendar.MONDAY_TO_FRIDAY : calendar.calendar());
        Map<String, String> metadata = declared.metadata();
        String name = metadata.getOrDefault("name", files.folder().getFileName().toString());
        String version = metadata.getOrDefault("version", "unversioned");
        PolicyId policy = new PolicyId(name, version, files.hash(), declared.parents());
        Map<Path, String> packOfFolder = new LinkedHashMap<>();
        for (int i = 0; i < chain.layers().size(); i++) {
            PackChain.Layer layer = chain.layers().get(i);
            packOfFolder.put(layer.folder(), i == chain.layers().size() - 1 ? name : declared.parents().get(chain.layers().size() - 2 - i).name());
        }
        return new RulePack(base, policy, Map.copyOf(metadata), Collections.unmodifiableMap(terms), List.copyOf(termFacts),
                index, codes(files), files.folder(), sentences, calendar,
                file -> packOfFolder.getOrDefault(file.getParent(), name), declared.origins());
    }

    /**
     * The rows of the pack's tables: the facts of its own declared types that its rules insert with no
     * claim at all (such as the three-guarantee table), so that their values are checked like terms.
     * Empty when the rules fail or keep firing without a claim: then there is no table to speak of.
     */
    private static List<Object> tableRows(KieBase base, List<Object> termFacts) {
        KieSession session = base.newKieSession();
        try {
            termFacts.forEach(session::insert);
            if (session.fireAllRules(DEFAULT_FIRING_LIMIT) >= DEFAULT_FIRING_LIMIT) return List.of();
            List<Object> rows = new ArrayList<>();
            for (Object fact : session.getObjects()) {
                Class<?> type = fact.getClass();
                if (!termFacts.contains(fact) && base.getFactType(type.getPackageName(), type.getSimpleName()) != null) rows.add(fact);
            }
            return rows;
        } catch (RuntimeException e) {
            return List.of();
        } finally {
            session.dispose();
        }
    }

    /**
     * The terms in the order {@code declare Terms} lists them: the knowledge builder keeps that order,
     * the executable model's fact type may not.
     */
    static Map<String, Object> inDeclarationOrder(Map<String, Object> terms, List<PackFiles.DrlFile> files) {
        List<String> declared = new ArrayList<>();
        for (PackFiles.DrlFile file : files) {
            Matcher block = TERMS_DECLARATION.matcher(file.text());
            while (block.find()) {
                Matcher field = DECLARED_FIELD.matcher(block.group(1));
                while (field.find()) declared.add(field.group(1));
            }
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String name : declared) {
            if (terms.containsKey(name)) ordered.put(name, terms.get(name));
        }
        ordered.putAll(terms);
        return ordered;
    }

    /** The codes the rules name as string literals: product categories or fault codes worth trying. */
    private static List<String> codes(PackFiles files) {
        Set<String> codes = new TreeSet<>();
        for (PackFiles.DrlFile file : files.files()) {
            Matcher literal = CODE.matcher(RuleIndex.ARTICLE.matcher(file.text()).replaceAll(""));
            while (literal.find()) codes.add(literal.group(1));
        }
        return List.copyOf(codes);
    }

    static Map<String, Object> values(FactType type, Object instance) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FactField field : type.getFields()) {
            values.put(field.getName(), field.get(instance));
        }
        return values;
    }

    static Object newInstance(FactType type, Path folder) {
        try {
            return type.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + " of " + folder, e);
        }
    }
}
