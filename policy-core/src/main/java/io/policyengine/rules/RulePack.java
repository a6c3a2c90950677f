package io.policyengine.rules;

import io.policyengine.RuleLoadException;
import io.policyengine.RuleFailureException;
import io.policyengine.RuleProblem;
import io.policyengine.facts.Commitment;
import io.policyengine.facts.CompensationDue;
import io.policyengine.facts.Exclusion;
import io.policyengine.facts.Findings;
import io.policyengine.facts.Grant;
import io.policyengine.facts.RepairDeadline;
import io.policyengine.facts.Firing;
import io.policyengine.model.Claim;
import io.policyengine.model.FiredRule;
import io.policyengine.model.PackRule;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Reason;
import io.policyengine.text.Language;
import io.policyengine.text.PackSentences;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One policy pack, compiled once: its identity, its terms, and the rules that find grants and
 * exclusions for claims. Immutable and safe to share between threads.
 */
public final class RulePack {
    /** The declared type that names a pack: {@code declare Pack name, version, effectiveFrom end}. */
    static final String PACK_TYPE = "Pack";
    /** The declared type that holds a pack's policy terms, one instance inserted with every claim. */
    static final String TERMS_TYPE = "Terms";
    private static final Pattern FAILED_RULE = Pattern.compile("[Rr]ule(?: name=)?\\s*[\"']([^\"']+)[\"']");
    private static final List<Class<?>> FINDINGS = List.of(
            Grant.class, Exclusion.class, RepairDeadline.class, Commitment.class, CompensationDue.class);
    private static final Pattern ARTICLE = Pattern.compile("@article\\s*\\([^)]*\\)");
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9_]{1,30})\"");

    private final KieBase kieBase;
    /** Sessions reset and reused rather than built per call: a third off a single decision's latency. */
    private final KieSessionsPool sessions;
    private final PolicyId policy;
    private final Map<String, String> metadata;
    private final Map<String, Object> terms;
    private final List<Object> termFacts;
    private final RuleIndex index;
    /** The pack's rules by name, as coverage and comparisons name them. */
    private final Map<String, PackRule> rules;
    private final Path folder;
    private final List<String> codes;
    /** The finding types some rule matches: only those are inserted into a session. */
    private final Set<Class<?>> matched;
    /** The pack's sentences, by language (sentences.LANG.txt). */
    private final Map<Language, PackSentences> sentences;

    private RulePack(KieBase kieBase, PolicyId policy, Map<String, String> metadata,
                     Map<String, Object> terms, List<Object> termFacts, RuleIndex index, List<String> codes, Path folder,
                     Map<Language, PackSentences> sentences) {
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.policy = policy;
        this.metadata = metadata;
        this.terms = terms;
        this.termFacts = termFacts;
        this.index = index;
        this.rules = index.packRules(policy.name());
        this.codes = codes;
        this.folder = folder;
        this.sentences = sentences;
        Set<Class<?>> matchedTypes = new HashSet<>();
        for (Class<?> finding : FINDINGS) {
            if (index.matches(finding.getSimpleName())) matchedTypes.add(finding);
        }
        this.matched = Set.copyOf(matchedTypes);
    }

    /** Compiles the {@code .drl} files of {@code folder}. */
    public static RulePack load(Path folder) throws RuleLoadException {
        PackFiles files = PackFiles.read(folder);
        KieBase base = PackCompiler.compile(files);
        RuleIndex index = RuleIndex.of(files.files());
        Map<Language, PackSentences> sentences = PackTexts.read(files, index);
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Object> terms = new LinkedHashMap<>();
        List<Object> termFacts = new ArrayList<>();
        for (KiePackage kiePackage : base.getKiePackages()) {
            FactType pack = base.getFactType(kiePackage.getName(), PACK_TYPE);
            if (pack != null) {
                values(pack, newInstance(pack, files.folder())).forEach((k, v) -> metadata.put(k, String.valueOf(v)));
            }
            FactType termType = base.getFactType(kiePackage.getName(), TERMS_TYPE);
            if (termType != null) {
                Object instance = newInstance(termType, files.folder());
                termFacts.add(instance);
                terms.putAll(values(termType, instance));
            }
        }
        String name = metadata.getOrDefault("name", files.folder().getFileName().toString());
        String version = metadata.getOrDefault("version", "unversioned");
        PolicyId policy = new PolicyId(name, version, files.hash());
        return new RulePack(base, policy, Map.copyOf(metadata), Collections.unmodifiableMap(terms), List.copyOf(termFacts),
                index, codes(files), files.folder(), sentences);
    }

    /** The pack bundled on the classpath as {@code packs/NAME/}, such as {@code store-standard}. */
    public static RulePack bundled(String name) throws RuleLoadException {
        return load(PackFiles.bundledFolder(name));
    }

    /** The names of the packs bundled on the classpath. */
    public static List<String> bundledNames() {
        return PackFiles.bundledNames();
    }

    public PolicyId policy() {
        return policy;
    }

    /** The pack's sentences in {@code language}; null when the pack has no {@code sentences.LANG.txt} for it. */
    public PackSentences sentences(Language language) {
        return sentences.get(language);
    }

    /** The languages the pack has sentences in. */
    public Set<Language> languages() {
        return sentences.keySet();
    }

    /** The folder the pack was read from. */
    public Path folder() {
        return folder;
    }

    /** The pack's declared metadata ({@code name}, {@code version}, {@code effectiveFrom}, ...). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The pack's policy terms by name, in declaration order, such as {@code defectRefundDays=15}. */
    public Map<String, Object> terms() {
        return terms;
    }

    /**
     * The codes the rules name as string literals ({@code "TV"}, {@code "PERISHABLE"}, {@code "NO_COOLING"}):
     * product categories or fault codes worth trying when looking for rules that never fire.
     */
    public List<String> codes() {
        return codes;
    }

    private static List<String> codes(PackFiles files) {
        Set<String> codes = new java.util.TreeSet<>();
        for (PackFiles.DrlFile file : files.files()) {
            Matcher literal = CODE.matcher(ARTICLE.matcher(file.text()).replaceAll(""));
            while (literal.find()) codes.add(literal.group(1));
        }
        return List.copyOf(codes);
    }

    /** The pack's rules in the order they are written, file by file. */
    public List<PackRule> rules() {
        return List.copyOf(rules.values());
    }

    /** Runs the rules over the claims; the findings come back in the claims' order. */
    public List<Findings> fire(List<Claim> claims) {
        return fire(claims, null);
    }

    /** Runs the rules over the claims and tells which rules fired for each; both lists in the claims' order. */
    public Traced fireTraced(List<Claim> claims) {
        ClaimFirings firings = new ClaimFirings(rules, claims);
        List<Findings> findings = fire(claims, firings);
        return new Traced(findings, firings.fired(claims));
    }

    /** What {@link #fireTraced} found: each claim's findings and the rules that fired for it. */
    public record Traced(List<Findings> findings, List<Set<PackRule>> firedRules) {
    }

    private List<Findings> fire(List<Claim> claims, ClaimFirings firings) {
        KieSession session = sessions.newKieSession();
        if (firings != null) session.addEventListener(firings);
        try (Firing firing = Firing.open(policy.name(), claims, matched)) {
            termFacts.forEach(session::insert);
            for (Claim claim : claims) session.insert(claim);
            fireAll(session);
            List<Findings> findings = new ArrayList<>(claims.size());
            for (Claim claim : claims) findings.add(firing.findings(claim));
            return findings;
        } finally {
            if (firings != null) session.removeEventListener(firings);
            session.dispose();
        }
    }

    /** Runs the rules over one claim, recording each rule as it fires with the terms it reads. */
    public Trace trace(Claim claim) {
        KieSession session = kieBase.newKieSession();
        FiringRecorder recorder = new FiringRecorder(index, terms);
        try (Firing firing = Firing.open(policy.name(), List.of(claim), matched, recorder)) {
            session.addEventListener(recorder);
            termFacts.forEach(session::insert);
            session.insert(claim);
            fireAll(session);
            Findings findings = firing.findings(claim);
            return new Trace(findings, withoutUnusedExclusions(recorder.fired(), findings));
        } finally {
            session.dispose();
        }
    }

    /**
     * What compiles but looks wrong: a rule that cites no {@code @article}, and a rule that fired for
     * none of the {@code probe} claims (a window of no days, tiers in the wrong order, ...).
     */
    public List<RuleProblem> warnings(List<Claim> probe) {
        Set<String> fired = new HashSet<>();
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            try (Firing firing = Firing.open(policy.name(), probe, matched)) {
                termFacts.forEach(session::insert);
                probe.forEach(session::insert);
                fireAll(session);
            }
        } finally {
            session.dispose();
        }
        List<RuleProblem> warnings = new ArrayList<>();
        for (RuleIndex.Entry rule : index.rules().values()) {
            if (rule.article() == null || rule.article().isBlank()) {
                warnings.add(RuleProblem.warning(rule.file(), rule.line(),
                        "rule \"" + rule.name() + "\" cites no article; add @article(\"N\") under its name"));
            }
            if (!fired.contains(rule.name())) {
                warnings.add(RuleProblem.warning(rule.file(), rule.line(), "rule \"" + rule.name()
                        + "\" can never fire: it fired for none of " + probe.size()
                        + " generated claims (every day of its windows, each condition alone); check its terms and conditions"));
            }
        }
        return warnings;
    }

    /** Fires the session's rules; a rule that throws is reported with its file and line, not as Drools' stack. */
    private void fireAll(KieSession session) {
        try {
            session.fireAllRules();
        } catch (RuntimeException e) {
            String text = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
            Matcher rule = FAILED_RULE.matcher(text);
            RuleIndex.Entry entry = rule.find() ? index.entry(rule.group(1)) : null;
            String where = entry == null ? "" : entry.file() + ":" + entry.line() + ": rule \"" + entry.name() + "\" failed: ";
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
            throw new RuleFailureException(where + (cause == e ? text : cause.getClass().getSimpleName() + ": " + cause.getMessage()), e);
        }
    }

    /** The fired rules' reasons less the exclusions made {@code ifGranted} of a remedy the pack did not grant: they took nothing away. */
    private static List<FiredRule> withoutUnusedExclusions(List<FiredRule> fired, Findings findings) {
        Set<Reason> unused = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Exclusion exclusion : findings.exclusions()) {
            if (exclusion.ifGranted() && findings.grants().stream().noneMatch(g -> g.remedy() == exclusion.remedy())) {
                unused.add(exclusion.reason());
            }
        }
        if (unused.isEmpty()) return fired;
        return fired.stream().map(rule -> new FiredRule(rule.rule(), rule.article(), rule.terms(),
                rule.reasons().stream().filter(r -> !unused.contains(r)).toList())).toList();
    }

    /** What {@link #trace} saw: the findings, and the rules in firing order. */
    public record Trace(Findings findings, List<FiredRule> firedRules) {
    }

    private static Map<String, Object> values(FactType type, Object instance) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FactField field : type.getFields()) {
            values.put(field.getName(), field.get(instance));
        }
        return values;
    }

    private static Object newInstance(FactType type, Path folder) {
        try {
            return type.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + " of " + folder, e);
        }
    }
}
