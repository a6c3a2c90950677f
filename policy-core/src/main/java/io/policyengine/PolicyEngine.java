package io.policyengine;

import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;
import io.policyengine.model.PackRule;
import io.policyengine.model.PackTerm;
import io.policyengine.model.PolicyId;
import io.policyengine.rules.PackVersions;
import io.policyengine.rules.RulePack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides return and warranty claims with one policy pack. Thread-safe: compile the rules once,
 * then call {@link #decide} from as many threads as you like.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.load(Path.of("my-rules"));   // or PolicyEngine.storeStandard()
 * Decision d = engine.decide(claim);
 * }</pre>
 *
 * <p>A policy is a stack: one store pack, and any number of statutory floor packs under it ({@link #withFloor}); where
 * the store's rules fall below the law, the law prevails. A rules folder may hold one sub-folder per version of its pack;
 * each claim is decided by the version in force on its purchase date.
 *
 * <p>An engine loaded from a folder can {@link #reload} it, or {@link #watch} it and reload on every change: new rules are
 * compiled and checked off to the side and swapped in at once; a decision under way finishes on the rules it started with.
 * Rules that do not compile never go live. The {@code with...} methods return a new engine; this one is unchanged.
 */
public final class PolicyEngine {
    private final LiveStack live;

    PolicyEngine(Path folder, PackStack stack) {
        this.live = new LiveStack(folder, stack);
    }

    /** A claim and its decision, or the failure (a rule threw, kept firing or ran too long) that kept it from being decided. */
    public record Result(Claim claim, Decision decision, RuleFailureException failure) {
        public boolean isFailure() {
            return failure != null;
        }
    }

    /** A claim's result with the rules of the stack that fired for it. */
    public record Traced(Result result, Set<PackRule> firedRules) {
        public Traced {
            firedRules = Set.copyOf(firedRules);
        }
    }

    /** Compiles the {@code .drl} files of {@code rulesDir}, or of each version sub-folder; throws with every problem's FILE:LINE. */
    public static PolicyEngine load(Path rulesDir) throws RuleLoadException {
        return new PolicyEngine(rulesDir, PackStack.of(PackVersions.load(rulesDir)));
    }

    /** A pack bundled with policy-rules, such as {@code store-standard} or {@code cn-consumer-law}. */
    public static PolicyEngine bundled(String name) throws RuleLoadException {
        return new PolicyEngine(null, PackStack.of(PackVersions.bundled(name)));
    }

    /** The bundled store-standard policy (contract section 3); needs policy-rules on the classpath. */
    public static PolicyEngine storeStandard() {
        try {
            return bundled("store-standard");
        } catch (RuleLoadException e) {
            throw new IllegalStateException("the bundled store-standard pack does not load: " + e.getMessage(), e);
        }
    }

    /** A chain's engine (contract 14.2): each claim decided by the stack its store's row in {@code storesFile} names. */
    public static StoreEngine forStores(Path storesFile) throws RuleLoadException {
        return StoreEngine.load(storesFile);
    }

    /** The names of the packs bundled on the classpath. */
    public static List<String> bundledPacks() {
        return RulePack.bundledNames();
    }

    /**
     * Compiles the rules in {@code rulesDir} and checks them: every error (terms that cannot be right, a rule that fails or
     * keeps firing for a generated claim), and warnings for rules that cite no article or fire for no generated claim.
     */
    public static List<RuleProblem> validate(Path rulesDir) {
        return validation(rulesDir).problems();
    }

    /** {@link #validate}, with where each rule and term comes from: the pack's own files or a parent's (contract 14.1). */
    public static Validation validation(Path rulesDir) {
        return PackValidation.validate(rulesDir);
    }

    /** {@code floor}'s pack stacked under this engine's (contract section 6): it decides on its own, and what it grants is allowed. */
    public PolicyEngine withFloor(PolicyEngine floor) {
        return new PolicyEngine(live.folder(), live.get().withFloor(floor.live.get().store()));
    }

    /**
     * Every pack allowed {@code firingsPerClaim} rule firings per claim, whatever its {@code maxFiringsPerClaim} term says (default
     * 10,000); past it the claim gets a {@link RuleFailureException} naming the rule that kept firing, the others are decided.
     */
    public PolicyEngine withFiringLimit(int firingsPerClaim) {
        return new PolicyEngine(live.folder(), live.get().withFiringLimit(firingsPerClaim));
    }

    /**
     * Every claim allowed {@code perClaim} in each pack, whatever its {@code maxMillisPerClaim} term says (default 2 s); past it the
     * rules are halted (a consequence that waits, interrupted) and the claim gets a {@link RuleFailureException} naming the rule.
     */
    public PolicyEngine withTimeLimit(Duration perClaim) {
        return new PolicyEngine(live.folder(), live.get().withTimeLimit(perClaim));
    }

    /** Which store rules decide now: the newest version's name, version and content hash. */
    public PolicyId policy() {
        return live.get().store().latest().policy();
    }

    /** The floors stacked under the store pack, newest version of each; empty when none. */
    public List<PolicyId> floors() {
        return live.get().floors().stream().map(pack -> pack.latest().policy()).toList();
    }

    /** The policy terms of the live store rules (newest version) by name, such as {@code defectRefundDays=15}. */
    public Map<String, Object> terms() {
        return live.get().store().latest().terms();
    }

    /** Each term of {@link #terms()} with the pack and {@code FILE:LINE} that give its value: its own, or a parent's (contract 14.1). */
    public List<PackTerm> termSources() {
        return live.get().store().latest().termSources();
    }

    /** The policy terms of each floor (newest version), in stacking order. */
    public List<Map<String, Object>> floorTerms() {
        return live.get().floors().stream().map(pack -> pack.latest().terms()).toList();
    }

    /**
     * The words of this engine's decisions in {@code locale} (contract section 8): {@code en}, or Chinese ({@code zh-CN}, {@code zh},
     * {@code zh-Hans}); every pack of the stack must have sentences in it, else {@link UnsupportedLanguageException} names it.
     */
    public Wording wording(Locale locale) {
        return live.wording(locale);
    }

    /** {@code wording(locale).render(decide(claim))}, which {@link io.policyengine.json.DecisionJson#toJson(RenderedDecision)} writes. */
    public RenderedDecision render(Claim claim, Locale locale) {
        return wording(locale).render(decide(claim));
    }

    /**
     * Contract 17: for each pack version whose calendar ends within 60 days of {@code today} or has ended, the warning {@code validate}
     * gives; empty when none does. {@code serve} says it when ready, so that calendars are extended before due dates become estimates.
     */
    public List<RuleProblem> calendarWarnings(LocalDate today) {
        return live.get().calendarWarnings(today);
    }

    /** The languages every pack of the stack has sentences in. */
    public Set<Locale> languages() {
        return live.get().locales();
    }

    /** Checks that every pack has a version in force on the purchase date, and the price no more decimals than the currency (contract 17). */
    public void check(Claim claim) {
        live.get().check(claim);
    }

    /**
     * @throws BadInputException    when no version of a pack is in force on the claim's purchase date, or its price has more decimals than the currency
     * @throws RuleFailureException when a rule fails or keeps firing for the claim
     */
    public Decision decide(Claim claim) {
        return decideAll(List.of(claim)).get(0);
    }

    /**
     * Decides every claim; the decisions come back in the claims' order, all made by the same rules.
     * @throws BadInputException    when no version of a pack is in force on a claim's purchase date ({@link #check} each claim first to keep the others)
     * @throws RuleFailureException for the first claim a rule fails or keeps firing for ({@link #decideEach} keeps the others)
     */
    public List<Decision> decideAll(Collection<Claim> claims) {
        return StackDecider.decideAll(live.get(), claims);
    }

    /**
     * Decides every claim on its own account, in order: a rule that fails for one claim costs that claim alone, its result the failure.
     * @throws BadInputException when no version of a pack is in force on a claim's purchase date
     */
    public List<Result> decideEach(Collection<Claim> claims) {
        return StackDecider.decideEach(live.get(), claims, null);
    }

    /**
     * {@link #decideEach}, telling which rules of the stack fired for each claim (for coverage and comparisons); slower.
     * @throws BadInputException when no version of a pack is in force on a claim's purchase date
     */
    public List<Traced> decideTraced(Collection<Claim> claims) {
        return StackDecider.decideTraced(live.get(), claims);
    }

    /** Every rule of the packs in use, as written: the store pack's, then each floor's; every version of a versioned pack. */
    public List<PackRule> rules() {
        return live.get().rules();
    }

    /** Decides one claim and tells how: every rule that fired, in order, with the terms it used, pack by pack. */
    public Explanation explain(Claim claim) {
        return StackDecider.explain(live.get(), claim);
    }

    /** Recompiles the rules folder and swaps it in; rules that do not load are thrown (and logged as FILE:LINE), the old ones serve on. */
    public PolicyId reload() throws RuleLoadException {
        return live.reload();
    }

    /** Watches the rules folder and reloads it once it has been quiet for {@code settle} after a change; close to stop. */
    public AutoCloseable watch(Duration settle) {
        return watch(settle, ReloadListener.NONE);
    }

    /** As {@link #watch(Duration)}, telling {@code listener} how each reload went (from the watcher's thread). */
    public AutoCloseable watch(Duration settle, ReloadListener listener) {
        return live.watch(settle, listener);
    }

    /** Told of each reload that {@link #watch(Duration, ReloadListener)} makes, such as to count them. */
    public interface ReloadListener {
        ReloadListener NONE = new ReloadListener() { };

        /** The folder's rules are live now. */
        default void reloaded(PolicyId live) { }

        /** The folder's rules did not load ({@link RuleLoadException} lists every problem); the old rules keep serving. */
        default void failed(Exception problem) { }
    }
}
