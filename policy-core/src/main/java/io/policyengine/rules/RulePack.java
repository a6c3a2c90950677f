package io.policyengine.rules;

import io.policyengine.RuleLoadException;
import io.policyengine.RuleFailureException;
import io.policyengine.RuleProblem;
import io.policyengine.facts.Commitment;
import io.policyengine.facts.CompensationDue;
import io.policyengine.facts.Duty;
import io.policyengine.facts.Exclusion;
import io.policyengine.facts.Findings;
import io.policyengine.facts.Grant;
import io.policyengine.facts.RefundAmount;
import io.policyengine.facts.RefundDue;
import io.policyengine.facts.ReturnShipping;
import io.policyengine.facts.RepairDeadline;
import io.policyengine.facts.Firing;
import io.policyengine.facts.WorkingCalendar;
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
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            Grant.class, Exclusion.class, RepairDeadline.class, Commitment.class, CompensationDue.class,
            RefundDue.class, ReturnShipping.class, RefundAmount.class, Duty.class);
    private static final Pattern TERMS_DECLARATION =
            Pattern.compile("(?s)\\bdeclare\\s+" + TERMS_TYPE + "\\b(.*?)^\\s*end\\b", Pattern.MULTILINE);
    private static final Pattern DECLARED_FIELD = Pattern.compile("(?m)^\\s*(\\w+)\\s*:");
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9_]{1,30})\"");
    /** The firing limit of a pack that declares none: far above what a claim of a sane policy needs. */
    public static final int DEFAULT_FIRING_LIMIT = 10_000;
    /** The pack term that sets a pack's firing limit per claim. */
    public static final String FIRING_LIMIT_TERM = "maxFiringsPerClaim";
    /** The time limit of a pack that declares none: a claim takes milliseconds; this is a rule that hangs. */
    public static final int DEFAULT_TIME_LIMIT_MILLIS = 2_000;
    /** The pack term that sets a pack's time limit per claim, in milliseconds. */
    public static final String TIME_LIMIT_TERM = "maxMillisPerClaim";
    /** Firings per claim a batch may use, on top of one claim's limit, before its claims are run one by one. */
    private static final int BATCH_FIRINGS_PER_CLAIM = 256;
    /** Generated claims per session when checking a pack. */
    private static final int PROBE_BATCH = 512;

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
    private final int firingLimit;
    private final int timeLimitMillis;
    /** The pack's sentences, by language (sentences.LANG.txt). */
    private final Map<Language, PackSentences> sentences;
    /** The pack's calendar.txt; null when it has none (then working days are Monday to Friday). */
    private final CalendarFile calendar;

    private RulePack(KieBase kieBase, PolicyId policy, Map<String, String> metadata,
                     Map<String, Object> terms, List<Object> termFacts, RuleIndex index, List<String> codes, Path folder,
                     Map<Language, PackSentences> sentences, CalendarFile calendar) {
        this.kieBase = kieBase;
        this.calendar = calendar;
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
        this.firingLimit = terms.get(FIRING_LIMIT_TERM) instanceof Integer limit && limit > 0 ? limit : DEFAULT_FIRING_LIMIT;
        this.timeLimitMillis = terms.get(TIME_LIMIT_TERM) instanceof Integer millis && millis > 0 ? millis : DEFAULT_TIME_LIMIT_MILLIS;
    }

    /** Compiles the {@code .drl} files of {@code folder}. */
    public static RulePack load(Path folder) throws RuleLoadException {
        PackFiles files = PackFiles.read(folder);
        RuleIndex index = RuleIndex.of(files.files());
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
        return of(files, index, base);
    }

    /**
     * The pack bundled on the classpath as {@code packs/NAME/}, such as {@code store-standard}: from the
     * executable model policy-rules' build compiled it to, or from its DRL when there is none.
     */
    public static RulePack bundled(String name) throws RuleLoadException {
        PackFiles files = PackFiles.read(PackFiles.bundledFolder(name));
        RuleIndex index = RuleIndex.of(files.files());
        Optional<KieBase> built = BuiltModel.kieBase(files, index);
        return of(files, index, built.isPresent() ? built.get() : PackCompiler.compile(files));
    }

    /** The pack of {@code files} compiled to {@code base}; every problem of its files, sentences and terms refuses it, all at once. */
    private static RulePack of(PackFiles files, RuleIndex index, KieBase base) throws RuleLoadException {
        List<RuleProblem> problems = new ArrayList<>(files.problems());
        Map<Language, PackSentences> sentences = PackTexts.read(files, index, problems);
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
        terms = inDeclarationOrder(terms, files);
        problems.addAll(TermChecks.problems(terms, files.files(), files.folder()));
        problems.addAll(TermChecks.rowProblems(tableRows(base, termFacts), files.files(), files.folder()));
        CalendarFile calendar = files.calendar() == null ? null
                : CalendarFile.read(files.calendar().path(), files.calendar().content(), problems);
        if (!problems.isEmpty()) throw new RuleLoadException(problems);
        termFacts.add(calendar == null ? WorkingCalendar.MONDAY_TO_FRIDAY : calendar.calendar());
        String name = metadata.getOrDefault("name", files.folder().getFileName().toString());
        String version = metadata.getOrDefault("version", "unversioned");
        PolicyId policy = new PolicyId(name, version, files.hash());
        return new RulePack(base, policy, Map.copyOf(metadata), Collections.unmodifiableMap(terms), List.copyOf(termFacts),
                index, codes(files), files.folder(), sentences, calendar);
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
    private static Map<String, Object> inDeclarationOrder(Map<String, Object> terms, PackFiles files) {
        List<String> declared = new ArrayList<>();
        for (PackFiles.DrlFile file : files.files()) {
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
            Matcher literal = CODE.matcher(RuleIndex.ARTICLE.matcher(file.text()).replaceAll(""));
            while (literal.find()) codes.add(literal.group(1));
        }
        return List.copyOf(codes);
    }

    /**
     * Runs the rules over the claims, each claim allowed at most {@code limit} rule firings; what
     * they found comes back in the claims' order. When the rules fail or keep firing, the claims are
     * run again one by one, so that only the claims the rules fail for get a failure.
     */
    public List<Fired> fire(List<Claim> claims, int limit) {
        return fire(claims, limit, timeLimitMillis, null);
    }

    /**
     * The same, and when {@code firedRules} (one set per claim, in the claims' order) is not null,
     * adds to each claim's set the rules that fired for it: an agenda listener on the session, only then.
     */
    public List<Fired> fire(List<Claim> claims, int limit, List<Set<PackRule>> firedRules) {
        return fire(claims, limit, timeLimitMillis, firedRules);
    }

    /** The same, each claim allowed {@code millis} milliseconds (and a batch as long) before its rules are stopped. */
    public List<Fired> fire(List<Claim> claims, int limit, long millis, List<Set<PackRule>> firedRules) {
        if (claims.isEmpty()) return List.of();
        try {
            ClaimFirings firings = firedRules == null ? null : new ClaimFirings(rules, claims);
            List<Findings> findings = fireTogether(claims, batchBudget(limit, claims.size()), millis, firings);
            List<Fired> fired = new ArrayList<>(findings.size());
            for (Findings f : findings) fired.add(new Fired(f, null));
            if (firings != null) {
                List<Set<PackRule>> each = firings.fired(claims);
                for (int i = 0; i < claims.size(); i++) firedRules.get(i).addAll(each.get(i));
            }
            return fired;
        } catch (Overrun | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            List<Fired> each = new ArrayList<>(claims.size());
            for (int i = 0; i < claims.size(); i++) {
                Claim claim = claims.get(i);
                ClaimFirings firings = firedRules == null ? null : new ClaimFirings(rules, List.of(claim));
                each.add(fireAlone(claim, limit, millis, firings).asFired(claim));
                if (firings != null) firedRules.get(i).addAll(firings.fired(List.of(claim)).get(0));
            }
            return each;
        }
    }

    /** The pack's rules in the order they are written, file by file. */
    public List<PackRule> rules() {
        return List.copyOf(rules.values());
    }

    /** What the rules found for one claim, or why they could not decide it. */
    public record Fired(Findings findings, RuleFailureException failure) {
    }

    /** The firings this pack allows per claim: its {@value #FIRING_LIMIT_TERM} term, or {@link #DEFAULT_FIRING_LIMIT}. */
    public int firingLimit() {
        return firingLimit;
    }

    /** The milliseconds this pack allows per claim: its {@value #TIME_LIMIT_TERM} term, or {@link #DEFAULT_TIME_LIMIT_MILLIS}. */
    public int timeLimitMillis() {
        return timeLimitMillis;
    }

    /**
     * A batch may fire a little more per claim than a sane claim ever needs, far less than the limit
     * for each claim, so that rules that keep inserting facts stop before they fill the memory; past
     * that the claims are run one by one, each with the whole limit.
     */
    private static int batchBudget(int limit, int claims) {
        long budget = Math.min((long) limit * claims, limit + (long) BATCH_FIRINGS_PER_CLAIM * claims);
        return (int) Math.min(Integer.MAX_VALUE - 1, budget);
    }

    private List<Findings> fireTogether(List<Claim> claims, int budget, long millis, ClaimFirings firings) throws Overrun {
        KieSession session = sessions.newKieSession();
        if (firings != null) session.addEventListener(firings);
        boolean stopped = false;
        try (Firing firing = Firing.open(policy.name(), claims, matched)) {
            termFacts.forEach(session::insert);
            for (Claim claim : claims) session.insert(claim);
            try (Watchdog watchdog = Watchdog.watch(session, millis)) {
                try {
                    if (session.fireAllRules(budget + 1) > budget) throw Overrun.INSTANCE;
                } finally {
                    stopped = watchdog.expired();
                }
            }
            if (stopped) throw Overrun.INSTANCE;
            List<Findings> findings = new ArrayList<>(claims.size());
            for (Claim claim : claims) findings.add(firing.findings(claim));
            return findings;
        } finally {
            if (firings != null) session.removeEventListener(firings);
            // a halted session goes, rather than back to the pool
            if (stopped) session.destroy();
            else session.dispose();
        }
    }

    /** One claim run alone: its findings, or what went wrong and in which rule. */
    private record Alone(Findings findings, Breakdown breakdown) {
        Fired asFired(Claim claim) {
            return breakdown == null ? new Fired(findings, null)
                    : new Fired(null, breakdown.failure("claim " + claim.id(), claim.id()));
        }
    }

    /** Runs the rules over one claim in a session of its own, counting each rule's firings to name a culprit. */
    private Alone fireAlone(Claim claim, int limit, long millis, AgendaEventListener listener) {
        KieSession session = kieBase.newKieSession();
        FiringCounter counter = new FiringCounter();
        session.addEventListener(counter);
        if (listener != null) session.addEventListener(listener);
        Watchdog watchdog = null;
        try (Firing firing = Firing.open(policy.name(), List.of(claim), matched)) {
            termFacts.forEach(session::insert);
            session.insert(claim);
            watchdog = Watchdog.watch(session, millis);
            int fired = session.fireAllRules(limit + 1);
            watchdog.close();
            if (watchdog.expired()) return new Alone(null, timeout(counter, millis));
            if (fired > limit) return new Alone(null, overrun(counter.mostFired(), limit));
            return new Alone(firing.findings(claim), null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (watchdog != null) {
                watchdog.close();
                if (watchdog.expired()) return new Alone(null, timeout(counter, millis));
            }
            return new Alone(null, breakdown(counter.firing(), e));
        } finally {
            session.dispose();
        }
    }

    /**
     * Runs the rules over one claim, recording each rule as it fires with the terms it reads.
     *
     * @throws RuleFailureException when a rule fails or the rules keep firing past {@code limit}
     */
    public Trace trace(Claim claim, int limit) {
        return trace(claim, limit, timeLimitMillis);
    }

    /** The same, the claim allowed {@code millis} milliseconds before its rules are stopped. */
    public Trace trace(Claim claim, int limit, long millis) {
        KieSession session = kieBase.newKieSession();
        FiringRecorder recorder = new FiringRecorder(policy.name(), index, terms);
        FiringCounter counter = new FiringCounter();
        Watchdog watchdog = null;
        try (Firing firing = Firing.open(policy.name(), List.of(claim), matched, recorder)) {
            session.addEventListener(counter);
            session.addEventListener(recorder);
            termFacts.forEach(session::insert);
            session.insert(claim);
            watchdog = Watchdog.watch(session, millis);
            int fired = session.fireAllRules(limit + 1);
            watchdog.close();
            if (watchdog.expired()) throw timeout(counter, millis).failure("claim " + claim.id(), claim.id());
            if (fired > limit) {
                throw overrun(counter.mostFired(), limit).failure("claim " + claim.id(), claim.id());
            }
            Findings findings = firing.findings(claim);
            return new Trace(findings, withoutUnusedExclusions(recorder.fired(), findings));
        } catch (RuleFailureException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (watchdog != null) {
                watchdog.close();
                if (watchdog.expired()) throw timeout(counter, millis).failure("claim " + claim.id(), claim.id());
            }
            throw breakdown(counter.firing(), e).failure("claim " + claim.id(), claim.id());
        } finally {
            session.dispose();
        }
    }

    /**
     * What compiles but is wrong or looks wrong, found by running the rules over the {@code probe}
     * claims: an error for a rule that fails or keeps firing for one of them (past this pack's firing
     * limit), a warning for a rule that cites no {@code @article}, and a warning for a rule that fired
     * for none of them (a window of no days, tiers in the wrong order, ...).
     */
    public List<RuleProblem> check(List<Claim> probe) {
        Set<String> fired = new HashSet<>();
        AgendaEventListener names = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };
        Breakdown broken = null;
        for (int from = 0; from < probe.size() && broken == null; from += PROBE_BATCH) {
            List<Claim> batch = probe.subList(from, Math.min(probe.size(), from + PROBE_BATCH));
            if (probeTogether(batch, names)) continue;
            for (Claim claim : batch) {
                broken = fireAlone(claim, firingLimit, timeLimitMillis, names).breakdown();
                // a rule that hangs hangs again; a claim that met a pause of the machine (a full GC, a busy core) does not
                if (broken != null && broken.timedOut()) broken = fireAlone(claim, firingLimit, timeLimitMillis, names).breakdown();
                if (broken != null) break;
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        if (broken != null) problems.add(broken.problem(folder, "a generated claim"));
        problems.addAll(calendarWarnings(LocalDate.now()));
        problems.addAll(PackTexts.warnings(sentences, index));
        for (RuleIndex.Entry rule : index.rules().values()) {
            if (rule.article() == null || rule.article().isBlank()) {
                problems.add(RuleProblem.warning(rule.file(), rule.line(),
                        "rule \"" + rule.name() + "\" cites no article; add @article(\"N\") under its name"));
            }
            // after a failure the other claims were not all run: "never fired" would be a guess
            if (broken == null && !fired.contains(rule.name())) {
                problems.add(RuleProblem.warning(rule.file(), rule.line(), "rule \"" + rule.name()
                        + "\" can never fire: it fired for none of " + probe.size()
                        + " generated claims (every day of its windows, each condition alone); check its terms and conditions"));
            }
        }
        return problems;
    }

    /**
     * Contract 12.5: a calendar that runs out within {@value CalendarFile#WARN_DAYS} days of {@code today}, and a
     * term counted in working days ({@code ...WorkingDays}) in a pack without a calendar, which counts Monday to Friday.
     */
    List<RuleProblem> calendarWarnings(LocalDate today) {
        List<RuleProblem> warnings = new ArrayList<>(1);
        if (calendar != null) {
            RuleProblem endsSoon = calendar.endsSoon(today);
            if (endsSoon != null) warnings.add(endsSoon);
            return warnings;
        }
        for (String term : terms.keySet()) {
            if (term.endsWith("WorkingDays")) {
                warnings.add(RuleProblem.warning(folder, 0, "term " + term + " counts working days, but the pack has no "
                        + CalendarFile.NAME + ": they count Monday to Friday, without holidays or make-up working days"));
            }
        }
        return warnings;
    }

    /** Runs a batch of probe claims together; false when the rules failed or kept firing for some claim of it. */
    private boolean probeTogether(List<Claim> batch, AgendaEventListener listener) {
        KieSession session = kieBase.newKieSession();
        session.addEventListener(listener);
        try (Firing firing = Firing.open(policy.name(), batch, matched)) {
            termFacts.forEach(session::insert);
            batch.forEach(session::insert);
            int budget = batchBudget(firingLimit, batch.size());
            try (Watchdog watchdog = Watchdog.watch(session, timeLimitMillis)) {
                return session.fireAllRules(budget + 1) <= budget && !watchdog.expired();
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return false;
        } finally {
            session.dispose();
        }
    }

    private Breakdown overrun(String rule, int limit) {
        return new Breakdown(rule, rule == null ? null : index.entry(rule), "kept firing: stopped after " + limit
                + " firings (the firing limit, pack term " + FIRING_LIMIT_TERM
                + "); a rule whose consequence makes it or another rule match again never ends", null);
    }

    private static final String TIMED_OUT = "ran too long";

    /** The rule running when the time ran out: the consequence that did not return, else the one firing most. */
    private Breakdown timeout(FiringCounter counter, long millis) {
        String rule = counter.firing() != null ? counter.firing() : counter.mostFired();
        return new Breakdown(rule, rule == null ? null : index.entry(rule), TIMED_OUT + ": stopped after " + millis
                + " ms (the time limit, pack term " + TIME_LIMIT_TERM + "); a consequence that waits or loops, or rules that"
                + " keep matching each other, never end", null);
    }

    /** The rule that threw: the one firing, or else the one a failed condition's message names. */
    private Breakdown breakdown(String firing, Throwable e) {
        String rule = firing;
        if (rule == null) {
            Matcher named = FAILED_RULE.matcher(String.valueOf(e.getMessage()));
            if (named.find()) rule = named.group(1);
        }
        return new Breakdown(rule, rule == null ? null : index.entry(rule), "failed: " + RuleFailures.problem(e), e);
    }

    /** A rule that failed or kept firing, with where it is written (null when unknown). */
    private record Breakdown(String rule, RuleIndex.Entry entry, String what, Throwable cause) {

        boolean timedOut() {
            return what.startsWith(TIMED_OUT);
        }

        RuleFailureException failure(String forWhat, String claimId) {
            String where = entry == null ? "" : entry.file() + ":" + entry.line() + ": ";
            return new RuleFailureException(claimId, where + sentence(forWhat), cause);
        }

        RuleProblem problem(Path folder, String forWhat) {
            return entry == null ? RuleProblem.error(folder, 0, sentence(forWhat))
                    : RuleProblem.error(entry.file(), entry.line(), sentence(forWhat));
        }

        /** {@code rule "NAME" failed for claim C-7: ...}: the verb, then whom it happened for, then the rest. */
        private String sentence(String forWhat) {
            String name = rule == null ? "a rule" : "rule \"" + rule + "\"";
            int colon = what.indexOf(':');
            return name + " " + what.substring(0, colon) + " for " + forWhat + what.substring(colon);
        }
    }

    /** The rules of a batch fired more often than its budget: some claim's rules may never stop. */
    private static final class Overrun extends Exception {
        static final Overrun INSTANCE = new Overrun();

        private Overrun() {
            super(null, null, false, false);
        }
    }

    /** The fired rules' reasons less the exclusions made {@code ifGranted} of grants the pack did not make: they took nothing away. */
    private static List<FiredRule> withoutUnusedExclusions(List<FiredRule> fired, Findings findings) {
        Set<Reason> unused = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Exclusion exclusion : findings.exclusions()) {
            if (exclusion.ifGranted() && !findings.takesAwayAny(exclusion)) {
                unused.add(exclusion.reason());
            }
        }
        if (unused.isEmpty()) return fired;
        return fired.stream().map(rule -> new FiredRule(rule.rule(), rule.article(), rule.terms(),
                rule.reasons().stream().filter(r -> !unused.contains(r)).toList(), rule.policy())).toList();
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
