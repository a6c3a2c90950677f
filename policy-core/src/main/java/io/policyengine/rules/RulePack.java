package io.policyengine.rules;

import io.policyengine.RuleFailureException;
import io.policyengine.RuleLoadException;
import io.policyengine.RuleProblem;
import io.policyengine.facts.Findings;
import io.policyengine.model.Claim;
import io.policyengine.model.FiredRule;
import io.policyengine.model.PackRule;
import io.policyengine.model.PackTerm;
import io.policyengine.model.PolicyId;
import io.policyengine.text.Language;
import io.policyengine.text.PackSentences;
import org.kie.api.KieBase;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.policyengine.rules.PackDeclarations.DEFAULT_FIRING_LIMIT;
import static io.policyengine.rules.PackDeclarations.DEFAULT_TIME_LIMIT_MILLIS;
import static io.policyengine.rules.PackDeclarations.FIRING_LIMIT_TERM;
import static io.policyengine.rules.PackDeclarations.TIME_LIMIT_TERM;

/**
 * One policy pack, compiled once: its identity, its terms, its words and the rules that find grants and
 * exclusions for claims. Immutable and safe to share between threads. {@link PackLoader} makes it,
 * {@link PackRunner} fires it under its limits, {@link PackProbe} checks it against generated claims.
 */
public final class RulePack {
    private final PolicyId policy;
    private final Map<String, String> metadata;
    private final Map<String, Object> terms;
    private final RuleIndex index;
    /** The pack's rules by name, as coverage and comparisons name them. */
    private final Map<String, PackRule> rules;
    private final Path folder;
    private final List<String> codes;
    private final int firingLimit;
    private final int timeLimitMillis;
    /** The pack's sentences, by language (sentences.LANG.txt). */
    private final Map<Language, PackSentences> sentences;
    /** The pack's calendar.txt; null when it has none (then working days are Monday to Friday). */
    private final CalendarFile calendar;
    private final PackRunner runner;
    private final List<PackTerm> termSources;

    RulePack(KieBase kieBase, PolicyId policy, Map<String, String> metadata, Map<String, Object> terms, List<Object> termFacts,
             RuleIndex index, List<String> codes, Path folder, Map<Language, PackSentences> sentences, CalendarFile calendar,
             Function<Path, String> origin, List<PackTerm> termSources) {
        this.policy = policy;
        this.metadata = metadata;
        this.terms = terms;
        this.index = index;
        this.rules = index.packRules(policy.name(), origin);
        this.termSources = termSources;
        this.codes = codes;
        this.folder = folder;
        this.sentences = sentences;
        this.calendar = calendar;
        this.firingLimit = terms.get(FIRING_LIMIT_TERM) instanceof Integer limit && limit > 0 ? limit : DEFAULT_FIRING_LIMIT;
        this.timeLimitMillis = terms.get(TIME_LIMIT_TERM) instanceof Integer millis && millis > 0 ? millis : DEFAULT_TIME_LIMIT_MILLIS;
        this.runner = new PackRunner(kieBase, policy.name(), termFacts, index, rules, terms);
    }

    /** Compiles the {@code .drl} files of {@code folder}. */
    public static RulePack load(Path folder) throws RuleLoadException {
        return PackLoader.load(folder);
    }

    /**
     * The pack bundled on the classpath as {@code packs/NAME/}, such as {@code store-standard}: from the
     * executable model policy-rules' build compiled it to, or from its DRL when there is none.
     */
    public static RulePack bundled(String name) throws RuleLoadException {
        return PackLoader.bundled(name);
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

    /** Each term with the pack and file that give it its value: the pack's own, or a parent's it did not change. */
    public List<PackTerm> termSources() {
        return termSources;
    }

    /**
     * The codes the rules name as string literals ({@code "TV"}, {@code "PERISHABLE"}, {@code "NO_COOLING"}):
     * product categories or fault codes worth trying when looking for rules that never fire.
     */
    public List<String> codes() {
        return codes;
    }

    /** The pack's rules in the order they are written, file by file. */
    public List<PackRule> rules() {
        return List.copyOf(rules.values());
    }

    /** The pack's sentences by language. */
    Map<Language, PackSentences> sentencesByLanguage() {
        return sentences;
    }

    /** The pack's calendar.txt; null when it has none. */
    CalendarFile calendar() {
        return calendar;
    }

    /**
     * Contract 17: the warning that the pack's calendar ends within {@value CalendarFile#WARN_DAYS} days of {@code today}
     * or has ended, as {@code validate} and {@code serve}'s ready line give it; null when it does not, or there is none.
     */
    public RuleProblem calendarEndsSoon(LocalDate today) {
        return calendar == null ? null : calendar.endsSoon(today);
    }

    /** The firings this pack allows per claim: its {@value PackDeclarations#FIRING_LIMIT_TERM} term, or 10,000. */
    public int firingLimit() {
        return firingLimit;
    }

    /** The milliseconds this pack allows per claim: its {@value PackDeclarations#TIME_LIMIT_TERM} term, or 2,000. */
    public int timeLimitMillis() {
        return timeLimitMillis;
    }

    /** What the rules found for one claim, or why they could not decide it. */
    public record Fired(Findings findings, RuleFailureException failure) {
    }

    /** What {@link #trace} saw: the findings, and the rules in firing order. */
    public record Trace(Findings findings, List<FiredRule> firedRules) {
    }

    /**
     * Runs the rules over the claims, each claim allowed at most {@code limit} rule firings; what
     * they found comes back in the claims' order. When the rules fail or keep firing, the claims are
     * run again one by one, so that only the claims the rules fail for get a failure.
     */
    public List<Fired> fire(List<Claim> claims, int limit) {
        return runner.fire(claims, limit, timeLimitMillis, null);
    }

    /**
     * The same, and when {@code firedRules} (one set per claim, in the claims' order) is not null,
     * adds to each claim's set the rules that fired for it: an agenda listener on the session, only then.
     */
    public List<Fired> fire(List<Claim> claims, int limit, List<Set<PackRule>> firedRules) {
        return runner.fire(claims, limit, timeLimitMillis, firedRules);
    }

    /** The same, each claim allowed {@code millis} milliseconds (and a batch as long) before its rules are stopped. */
    public List<Fired> fire(List<Claim> claims, int limit, long millis, List<Set<PackRule>> firedRules) {
        return runner.fire(claims, limit, millis, firedRules);
    }

    /**
     * Runs the rules over one claim, recording each rule as it fires with the terms it reads.
     *
     * @throws RuleFailureException when a rule fails or the rules keep firing past {@code limit}
     */
    public Trace trace(Claim claim, int limit) {
        return runner.trace(claim, limit, timeLimitMillis);
    }

    /** The same, the claim allowed {@code millis} milliseconds before its rules are stopped. */
    public Trace trace(Claim claim, int limit, long millis) {
        return runner.trace(claim, limit, millis);
    }

    /**
     * What compiles but is wrong or looks wrong, found by running the rules over the {@code probe}
     * claims: an error for a rule that fails or keeps firing for one of them (past this pack's firing
     * limit), a warning for a rule that cites no {@code @article}, and a warning for a rule that fired
     * for none of them (a window of no days, tiers in the wrong order, ...).
     */
    public List<RuleProblem> check(List<Claim> probe) {
        return PackProbe.check(this, runner, index, probe);
    }

    /**
     * The error {@link #check} finds among the {@code probe} claims, without its warnings: what keeps a reload from going live.
     * Null when the rules neither fail, keep firing nor hang for any of them.
     */
    public RuleProblem failure(List<Claim> probe) {
        return PackProbe.failure(this, runner, probe);
    }
}
