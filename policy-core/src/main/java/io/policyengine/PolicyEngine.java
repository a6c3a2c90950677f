package io.policyengine;

import io.policyengine.check.ClaimSpace;
import io.policyengine.decide.Decisions;
import io.policyengine.decide.PackFindings;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;
import io.policyengine.model.FiredRule;
import io.policyengine.model.Money;
import io.policyengine.model.PackRule;
import io.policyengine.model.PolicyId;
import io.policyengine.rules.PackVersions;
import io.policyengine.rules.RulePack;
import io.policyengine.text.Language;
import io.policyengine.text.PackSentences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Decides return and warranty claims with one policy pack. Thread-safe: compile the rules once,
 * then call {@link #decide} from as many threads as you like.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.load(Path.of("my-rules"));   // or PolicyEngine.storeStandard()
 * Decision d = engine.decide(claim);
 * }</pre>
 *
 * <p>A policy is a stack: one store pack, and any number of statutory floor packs under it
 * ({@link #withFloor}); where the store's rules fall below the law, the law prevails. A rules folder
 * may hold one sub-folder per version of its pack; each claim is decided by the version in force
 * on its purchase date.
 *
 * <p>An engine loaded from a folder can {@link #reload} it, or {@link #watch} it and reload on every
 * change. New rules are compiled off to the side and swapped in at once; a decision already under
 * way finishes on the rules it started with, and rules that do not compile never go live.
 */
public final class PolicyEngine {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyEngine.class);
    /** Claims per rule session in {@link #decideAll}: shares a session's cost without growing its memory. */
    private static final int BATCH = 512;
    /** The store pack's term that names the currency of its amounts (contract 11.2). */
    private static final String CURRENCY_TERM = "currency";
    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();

    /** The packs that decide together: the store pack, then the floors. Swapped whole on reload. */
    private record Stack(PackVersions store, List<PackVersions> floors) {
        List<PackVersions> packs() {
            List<PackVersions> packs = new ArrayList<>(1 + floors.size());
            packs.add(store);
            packs.addAll(floors);
            return packs;
        }
    }

    private final Path folder;
    private final AtomicReference<Stack> live;
    /** Rule firings allowed per claim in every pack; 0: each pack's own limit ({@link RulePack#firingLimit}). */
    private final int firingLimit;
    /** Milliseconds allowed per claim in every pack; 0: each pack's own limit ({@link RulePack#timeLimitMillis}). */
    private final long timeLimitMillis;
    /** Hashes of pack versions a reload checked and found without errors. */
    private final Set<String> checkedHashes = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private PolicyEngine(Path folder, Stack stack, int firingLimit, long timeLimitMillis) {
        this.folder = folder;
        this.live = new AtomicReference<>(stack);
        this.firingLimit = firingLimit;
        this.timeLimitMillis = timeLimitMillis;
    }

    /**
     * A claim and its decision, or the failure of a rule that kept it from being decided: a rule
     * that threw, or rules that kept firing past the firing limit ({@link #withFiringLimit}).
     */
    public record Result(Claim claim, Decision decision, RuleFailureException failure) {
        public boolean isFailure() {
            return failure != null;
        }
    }

    /**
     * Compiles the rules in {@code rulesDir}: its {@code .drl} files, or one sub-folder per version.
     * Throws with every problem's file and line.
     */
    public static PolicyEngine load(Path rulesDir) throws RuleLoadException {
        return new PolicyEngine(rulesDir, new Stack(PackVersions.load(rulesDir), List.of()), 0, 0);
    }

    /** A pack bundled with policy-rules, such as {@code store-standard} or {@code cn-consumer-law}. */
    public static PolicyEngine bundled(String name) throws RuleLoadException {
        return new PolicyEngine(null, new Stack(PackVersions.bundled(name), List.of()), 0, 0);
    }

    /** The bundled store-standard policy (contract section 3); needs policy-rules on the classpath. */
    public static PolicyEngine storeStandard() {
        try {
            return bundled("store-standard");
        } catch (RuleLoadException e) {
            throw new IllegalStateException("the bundled store-standard pack does not load: " + e.getMessage(), e);
        }
    }

    /**
     * A chain's engine (contract 14.2): each claim decided by the stack its store's row in {@code storesFile} names.
     *
     * @throws RuleLoadException with every problem of the file and of the packs it names, as {@code FILE:LINE}
     */
    public static StoreEngine forStores(Path storesFile) throws RuleLoadException {
        return StoreEngine.load(storesFile);
    }

    /** The names of the packs bundled on the classpath. */
    public static List<String> bundledPacks() {
        return RulePack.bundledNames();
    }

    /**
     * Compiles the rule files in {@code rulesDir} and checks them: every error (terms that cannot be
     * right, a rule that fails or keeps firing for a claim of a generated set), and warnings for rules
     * that cite no article or that fire for no claim of that set. Never throws for bad rules.
     */
    public static List<RuleProblem> validate(Path rulesDir) {
        try {
            return check(PackVersions.load(rulesDir));
        } catch (RuleLoadException e) {
            return e.problems();
        } catch (RuntimeException | Error e) {
            return List.of(RuleProblem.error(rulesDir, 0, unexpected(e)));
        }
    }

    /** What {@link #validate} finds in compiled rules: errors and warnings of every version. */
    private static List<RuleProblem> check(PackVersions packs) {
        List<RuleProblem> problems = new ArrayList<>();
        for (PackVersions.Version version : packs.versions()) problems.addAll(check(version.pack()));
        return problems;
    }

    private static List<RuleProblem> check(RulePack pack) {
        return pack.check(ClaimSpace.around(pack.terms(), pack.codes()));
    }

    /** A failure that is no rule problem (a file too deep to read, the memory), on one line for an author. */
    private static String unexpected(Throwable e) {
        String what = e instanceof StackOverflowError ? "nested too deeply to be read"
                : e instanceof OutOfMemoryError ? "too large to be read in the memory the JVM has"
                : "could not be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " "));
        return "the rules " + what;
    }

    /**
     * This engine with {@code floor}'s pack stacked under it as a statutory floor (contract section 6):
     * the floor decides on its own, and what it grants is allowed whatever the store's rules say.
     * Returns a new engine; this one is unchanged.
     */
    public PolicyEngine withFloor(PolicyEngine floor) {
        Stack stack = live.get();
        List<PackVersions> floors = new ArrayList<>(stack.floors());
        floors.add(floor.live.get().store());
        return new PolicyEngine(folder, new Stack(stack.store(), List.copyOf(floors)), firingLimit, timeLimitMillis);
    }

    /**
     * This engine with every pack allowed at most {@code firingsPerClaim} rule firings per claim,
     * whatever the packs' own {@code maxFiringsPerClaim} term says (default 10,000). Past it the claim
     * is not decided: it gets a {@link RuleFailureException} naming the rule that kept firing, and the
     * other claims are decided as usual. Returns a new engine; this one is unchanged.
     */
    public PolicyEngine withFiringLimit(int firingsPerClaim) {
        if (firingsPerClaim < 1) {
            throw new IllegalArgumentException("firingsPerClaim: must be at least 1, got " + firingsPerClaim);
        }
        return new PolicyEngine(folder, live.get(), firingsPerClaim, timeLimitMillis);
    }

    /**
     * This engine with every claim allowed at most {@code perClaim} in each pack, whatever the packs' own
     * {@code maxMillisPerClaim} term says (default 2 s). Past it the rules are stopped (halted between
     * firings, and a consequence that waits is interrupted) and the claim gets a {@link RuleFailureException}
     * naming the rule that was running. Returns a new engine; this one is unchanged.
     */
    public PolicyEngine withTimeLimit(Duration perClaim) {
        if (perClaim.toMillis() < 1) {
            throw new IllegalArgumentException("perClaim: must be at least 1 ms, got " + perClaim.toMillis() + " ms");
        }
        return new PolicyEngine(folder, live.get(), firingLimit, perClaim.toMillis());
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

    /** The policy terms of each floor (newest version), in stacking order. */
    public List<Map<String, Object>> floorTerms() {
        return live.get().floors().stream().map(pack -> pack.latest().terms()).toList();
    }

    /**
     * The words of this engine's decisions in {@code locale} (contract section 8): {@code en}, or Chinese
     * ({@code zh-CN}, {@code zh}, {@code zh-Hans}). Every pack of the stack must have sentences in it.
     *
     * @throws UnsupportedLanguageException naming the language, or the pack that lacks it
     */
    public Wording wording(Locale locale) {
        Language language = Language.of(locale).orElseThrow(() -> new UnsupportedLanguageException(
                "unsupported \"" + locale.toLanguageTag() + "\"; supported: " + Language.tags()));
        for (PackVersions pack : live.get().packs()) {
            for (PackVersions.Version version : pack.versions()) {
                if (version.pack().sentences(language) == null) {
                    throw new UnsupportedLanguageException("unsupported \"" + language.tag() + "\" for pack "
                            + version.pack().policy().name() + " (" + version.pack().folder() + "), which has sentences in: "
                            + version.pack().languages().stream().map(Language::tag).sorted().collect(Collectors.joining(", ")));
                }
            }
        }
        return new Wording(language, policy -> sentences(policy, language), PackSentences.engine(language));
    }

    /**
     * Decides {@code claim} and puts the decision into words in {@code locale}: the summary a cashier reads
     * aloud, each reason's sentence and citation, the money in words (contract section 8). The same as
     * {@code wording(locale).render(decide(claim))}; {@link io.policyengine.json.DecisionJson#toJson(RenderedDecision)}
     * writes it as the contract's JSON.
     *
     * @throws UnsupportedLanguageException as {@link #wording(Locale)}
     */
    public RenderedDecision render(Claim claim, Locale locale) {
        return wording(locale).render(decide(claim));
    }

    /** The languages every pack of the stack has sentences in. */
    public Set<Locale> languages() {
        Set<Language> common = EnumSet.allOf(Language.class);
        for (PackVersions pack : live.get().packs()) {
            for (PackVersions.Version version : pack.versions()) common.retainAll(version.pack().languages());
        }
        return common.stream().map(Language::locale).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The sentences of the pack version that made a decision; after a reload, the same pack's newest. */
    private PackSentences sentences(PolicyId policy, Language language) {
        List<PackVersions> packs = live.get().packs();
        for (PackVersions pack : packs) {
            for (PackVersions.Version version : pack.versions()) {
                if (version.pack().policy().equals(policy)) return version.pack().sentences(language);
            }
        }
        for (PackVersions pack : packs) {
            if (pack.latest().policy().name().equals(policy.name())) return pack.latest().sentences(language);
        }
        return null;
    }

    /**
     * Checks that this engine can decide the claim: every pack has a version in force on its purchase
     * date, and the price has no more decimals than the store pack's currency has (contract 17). Throws
     * the bad input otherwise, naming {@code purchaseDate} or {@code product.price}.
     */
    public void check(Claim claim) {
        check(live.get().packs(), claim);
    }

    private static void check(List<PackVersions> packs, Claim claim) {
        for (PackVersions pack : packs) pack.forPurchase(claim.purchaseDate());
        Object currency = packs.get(0).forPurchase(claim.purchaseDate()).terms().get(CURRENCY_TERM);
        Money.checkPrice(claim.product().price(), currency == null ? null : currency.toString());
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
     *
     * @throws BadInputException    when no version of a pack is in force on a claim's purchase date
     *                              ({@link #check} each claim first to keep the others)
     * @throws RuleFailureException for the first claim a rule fails or keeps firing for
     *                              ({@link #decideEach} keeps the others)
     */
    public List<Decision> decideAll(Collection<Claim> claims) {
        List<Decision> decisions = new ArrayList<>(claims.size());
        for (Result result : decideEach(claims)) {
            if (result.isFailure()) throw result.failure();
            decisions.add(result.decision());
        }
        return decisions;
    }

    /**
     * Decides every claim on its own account: a rule that fails or keeps firing for one claim costs
     * that claim alone, whose result then carries the failure instead of a decision. Results come
     * back in the claims' order.
     *
     * @throws BadInputException when no version of a pack is in force on a claim's purchase date, or a price has more decimals than the currency
     */
    public List<Result> decideEach(Collection<Claim> claims) {
        return decideEach(claims, null);
    }

    /** A claim's result with the rules of the stack that fired for it. */
    public record Traced(Result result, Set<PackRule> firedRules) {
        public Traced {
            firedRules = Set.copyOf(firedRules);
        }
    }

    /**
     * Decides every claim as {@link #decideEach} does and also tells which rules of the stack fired for
     * each: what rule coverage and comparisons of two rule sets need. Slower than {@link #decideEach}.
     *
     * @throws BadInputException when no version of a pack is in force on a claim's purchase date, or a price has more decimals than the currency
     */
    public List<Traced> decideTraced(Collection<Claim> claims) {
        List<Set<PackRule>> fired = new ArrayList<>(claims.size());
        List<Result> results = decideEach(claims, fired);
        List<Traced> traced = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) traced.add(new Traced(results.get(i), fired.get(i)));
        return traced;
    }

    /** Every rule of the packs in use, as written: the store pack's, then each floor's; every version of a versioned pack. */
    public List<PackRule> rules() {
        List<PackRule> rules = new ArrayList<>();
        for (PackVersions pack : live.get().packs()) {
            for (PackVersions.Version version : pack.versions()) rules.addAll(version.pack().rules());
        }
        return rules;
    }

    /** {@code fired}, when not null, gets one set per claim, in order, of the rules that fired for it. */
    private List<Result> decideEach(Collection<Claim> claims, List<Set<PackRule>> fired) {
        List<PackVersions> packs = live.get().packs();
        List<Claim> all = List.copyOf(claims);
        for (Claim claim : all) check(packs, claim);
        if (fired != null) {
            for (int i = 0; i < all.size(); i++) fired.add(new HashSet<>());
        }
        Result[] results = new Result[all.size()];
        int batches = (all.size() + BATCH - 1) / BATCH;
        if (batches <= 1 || PARALLELISM <= 1) {
            for (int batch = 0; batch < batches; batch++) decideBatch(packs, all, batch, results, fired);
        } else {
            // many claims: their batches on every core (the common fork-join pool, and this thread)
            RuntimeException[] failures = new RuntimeException[batches];
            IntStream.range(0, batches).parallel().forEach(batch -> {
                try {
                    decideBatch(packs, all, batch, results, fired);
                } catch (RuntimeException e) {
                    failures[batch] = e;
                }
            });
            // the first batch's problem, as deciding in order would have thrown it, and not a copy made by the pool
            for (RuntimeException failure : failures) {
                if (failure != null) throw failure;
            }
        }
        return Collections.unmodifiableList(Arrays.asList(results));
    }

    /** Decides the claims of one batch into their places in {@code results}; each claim's fired rules into its set of {@code fired}. */
    private void decideBatch(List<PackVersions> packs, List<Claim> all, int batchIndex, Result[] results,
                             List<Set<PackRule>> fired) {
        int from = batchIndex * BATCH;
        int to = Math.min(all.size(), from + BATCH);
        List<Claim> batch = all.subList(from, to);
        List<Set<PackRule>> batchFired = fired == null ? null : fired.subList(from, to);
        List<List<RulePack.Fired>> found = new ArrayList<>(packs.size());
        for (PackVersions pack : packs) found.add(fire(pack, batch, batchFired));
        for (int i = 0; i < batch.size(); i++) {
            Claim claim = batch.get(i);
            List<PackFindings> perPack = new ArrayList<>(packs.size());
            RuleFailureException failure = null;
            for (int p = 0; p < packs.size() && failure == null; p++) {
                RulePack.Fired pack = found.get(p).get(i);
                failure = pack.failure();
                perPack.add(new PackFindings(policyOf(packs.get(p), claim), pack.findings()));
            }
            results[from + i] = failure != null ? new Result(claim, null, failure)
                    : new Result(claim, Decisions.assemble(claim, perPack), null);
        }
    }

    private static PolicyId policyOf(PackVersions pack, Claim claim) {
        return pack.isVersioned() ? pack.forPurchase(claim.purchaseDate()).policy() : pack.latest().policy();
    }

    private int limitOf(RulePack pack) {
        return firingLimit > 0 ? firingLimit : pack.firingLimit();
    }

    private long millisOf(RulePack pack) {
        return timeLimitMillis > 0 ? timeLimitMillis : pack.timeLimitMillis();
    }

    /**
     * One pack's findings for each claim, each claim decided by the version in force on its purchase date;
     * when {@code fired} is not null, the rules that fired for each claim are added to it.
     */
    private List<RulePack.Fired> fire(PackVersions pack, List<Claim> claims, List<Set<PackRule>> fired) {
        if (!pack.isVersioned()) return pack.latest().fire(claims, limitOf(pack.latest()), millisOf(pack.latest()), fired);
        Map<RulePack, List<Integer>> byVersion = new LinkedHashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            byVersion.computeIfAbsent(pack.forPurchase(claims.get(i).purchaseDate()), v -> new ArrayList<>()).add(i);
        }
        RulePack.Fired[] found = new RulePack.Fired[claims.size()];
        for (Map.Entry<RulePack, List<Integer>> version : byVersion.entrySet()) {
            List<Integer> positions = version.getValue();
            List<Claim> subset = positions.stream().map(claims::get).toList();
            List<Set<PackRule>> subsetFired = fired == null ? null : positions.stream().map(fired::get).toList();
            List<RulePack.Fired> findings = version.getKey().fire(subset, limitOf(version.getKey()), millisOf(version.getKey()), subsetFired);
            for (int j = 0; j < subset.size(); j++) found[positions.get(j)] = findings.get(j);
        }
        return List.of(found);
    }

    /**
     * Decides one claim and tells how: every rule that fired, in order, with the terms it used, pack by pack.
     *
     * @throws RuleFailureException when a rule fails or keeps firing for the claim
     */
    public Explanation explain(Claim claim) {
        List<PackFindings> perPack = new ArrayList<>();
        List<FiredRule> fired = new ArrayList<>();
        for (PackVersions pack : live.get().packs()) {
            RulePack version = pack.forPurchase(claim.purchaseDate());
            RulePack.Trace trace = version.trace(claim, limitOf(version), millisOf(version));
            perPack.add(new PackFindings(version.policy(), trace.findings()));
            fired.addAll(trace.firedRules());
        }
        return new Explanation(claim, Decisions.assemble(claim, perPack), fired);
    }

    /**
     * Recompiles the engine's rules folder and swaps the result in. When the new rules do not load,
     * the old ones keep serving and the problems are thrown (and logged as FILE:LINE).
     */
    public PolicyId reload() throws RuleLoadException {
        if (folder == null) throw new IllegalStateException("a bundled pack has no folder to reload");
        Stack old = live.get();
        try {
            PackVersions fresh = PackVersions.load(folder);
            // what validate rejects never goes live: a rule that fails, keeps firing or hangs on a generated claim
            List<RuleProblem> errors = new ArrayList<>();
            for (PackVersions.Version version : fresh.versions()) {
                String hash = version.pack().policy().hash();
                if (checkedHashes.contains(hash)) continue; // the same files, already checked: the same answer
                List<RuleProblem> found = check(version.pack()).stream().filter(problem -> !problem.warning()).toList();
                if (found.isEmpty()) checkedHashes.add(hash);
                errors.addAll(found);
            }
            if (!errors.isEmpty()) throw new RuleLoadException(errors);
            live.set(new Stack(fresh, old.floors()));
            if (!old.store().latest().policy().equals(fresh.latest().policy())) {
                LOG.info("rules reloaded from {}: {} -> {}", folder, old.store().latest().policy(), fresh.latest().policy());
            }
            return fresh.latest().policy();
        } catch (RuleLoadException e) {
            LOG.warn("rules in {} not reloaded, still serving {}:\n{}", folder, old.store().latest().policy(), e.getMessage());
            throw e;
        }
    }

    /**
     * Watches the rules folder (and its version sub-folders) and reloads it after each change, once
     * the folder has been quiet for {@code settle}, so a save of many files is one reload. Close the
     * watcher to stop.
     */
    public AutoCloseable watch(Duration settle) {
        return watch(settle, ReloadListener.NONE);
    }

    /** As {@link #watch(Duration)}, telling {@code listener} how each reload went (from the watcher's thread). */
    public AutoCloseable watch(Duration settle, ReloadListener listener) {
        if (folder == null) throw new IllegalStateException("a bundled pack has no folder to watch");
        return RuleWatcher.start(folder, settle, () -> reloadQuietly(listener));
    }

    /** Told of each reload that {@link #watch(Duration, ReloadListener)} makes, such as to count them. */
    public interface ReloadListener {
        ReloadListener NONE = new ReloadListener() {
            @Override
            public void reloaded(PolicyId live) {
            }

            @Override
            public void failed(Exception problem) {
            }
        };

        /** The folder's rules are live now. */
        void reloaded(PolicyId live);

        /** The folder's rules did not load ({@link RuleLoadException} lists every problem); the old rules keep serving. */
        void failed(Exception problem);
    }

    private void reloadQuietly(ReloadListener listener) {
        PolicyId live;
        try {
            live = reload();
        } catch (RuleLoadException | RuntimeException e) {
            LOG.debug("reload failed", e);
            listener.failed(e);
            return;
        } catch (Error e) {
            // a sentence file nested too deep, the memory: the watcher must live on, and say why
            LOG.warn("rules in {} not reloaded: {}", folder, unexpected(e));
            listener.failed(new RuleLoadException(List.of(RuleProblem.error(folder, 0, unexpected(e)))));
            return;
        }
        listener.reloaded(live);
    }
}
