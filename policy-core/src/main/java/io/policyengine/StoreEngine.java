package io.policyengine;

import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;
import io.policyengine.model.PolicyId;
import io.policyengine.rules.PackVersions;
import io.policyengine.text.Language;
import io.policyengine.text.PackSentences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.function.BiFunction;
import io.policyengine.model.PackRule;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A chain's engine (contract 14.2): each claim is decided by the stack of its store, as a stores file
 * names it ({@link StoresFile}); a claim without {@code store}, or of a store without a row, by the
 * {@code *} row's. Stores that name the same pack and floors share one compiled stack. Thread-safe; a
 * {@link #reload} swaps the whole chain at once, so a claim is never decided by half an old file.
 * Get one from {@link PolicyEngine#forStores(Path)}.
 */
public final class StoreEngine {
    private static final Logger LOG = LoggerFactory.getLogger(StoreEngine.class);

    /**
     * One stack of the chain and the stores it decides for.
     *
     * @param stores   the stores whose rows name it, in file order ({@code *} among them)
     * @param pack     the pack as the file names it
     * @param floors   the floors as the file names them
     * @param engine   the compiled stack
     * @param loadedAt when this stack's rules (the same pack and floor versions) went live
     */
    public record Stack(List<String> stores, String pack, List<String> floors, PolicyEngine engine, Instant loadedAt) {
        public Stack {
            stores = List.copyOf(stores);
            floors = List.copyOf(floors);
        }

        /** The packs that decide, store pack first: what tells a changed stack from the same one. */
        List<PolicyId> policies() {
            List<PolicyId> policies = new ArrayList<>(engine.floors());
            policies.add(0, engine.policy());
            return policies;
        }
    }

    /** What one load of the stores file made: the rows, and for each store its stack. */
    private record Chain(StoresFile file, Map<String, Stack> byStore, Stack any, List<Stack> stacks,
                         Map<String, Locale> languages, Locale anyLanguage) {
    }

    private final Path file;
    private final AtomicReference<Chain> live;
    /** Hashes of folder packs a reload checked (as validate does) and found without errors. */
    private final Set<String> checkedHashes = ConcurrentHashMap.newKeySet();
    /**
     * The packs compiled so far, by folder (or bundled name), with what their files looked like: a reload compiles
     * again only the packs whose files changed, so that a changed stores file is live in a second or two rather
     * than after every folder pack it names is compiled and checked again.
     */
    private final Map<String, Compiled> compiled;

    /** A pack as compiled, and the fingerprint of its folder's files then (empty for a bundled pack). */
    private record Compiled(String fingerprint, PolicyEngine engine) {
    }

    private StoreEngine(Path file, Chain chain, Map<String, Compiled> compiled) {
        this.file = file;
        this.live = new AtomicReference<>(chain);
        this.compiled = compiled;
    }

    /**
     * Reads the stores file and compiles every stack it names, once per distinct pack and floors.
     *
     * @throws RuleLoadException with every problem at once: the file's own (a missing column, a duplicate
     *                           store, a bad language), an unknown pack or floor at its row's line, and the
     *                           problems of a pack that does not load
     */
    public static StoreEngine load(Path storesFile) throws RuleLoadException {
        Map<String, Compiled> compiled = new ConcurrentHashMap<>();
        return new StoreEngine(storesFile, compile(storesFile, null, false, null, Map.of(), compiled), compiled);
    }

    /** The stores file this engine routes by. */
    public Path file() {
        return file;
    }

    /** The rows of the live stores file, in file order. */
    public List<StoresFile.Row> rows() {
        return live.get().file().rows();
    }

    /** Every stack of the chain, in the order of their first row. */
    public List<Stack> stacks() {
        return live.get().stacks();
    }

    /**
     * The stack that decides {@code claim}: its store's, else the {@code *} row's.
     *
     * @throws BadInputException naming {@code store} when the store has no row and there is no {@code *} row
     */
    public PolicyEngine engineFor(Claim claim) {
        return stackOf(live.get(), claim).engine();
    }

    /** The default language of the claim's store (a request's own choice wins over it). */
    public Locale languageOf(Claim claim) {
        Chain chain = live.get();
        Locale own = claim.store() == null ? null : chain.languages().get(claim.store());
        if (own != null) return own;
        if (chain.anyLanguage() == null) throw noRow(chain, claim);
        return chain.anyLanguage();
    }

    /** Checks that the claim's stack can decide it ({@link PolicyEngine#check}); a store with no row is bad input. */
    public void check(Claim claim) {
        engineFor(claim).check(claim);
    }

    /** @see PolicyEngine#decide */
    public Decision decide(Claim claim) {
        return engineFor(claim).decide(claim);
    }

    /** The claim's decision in words, in {@code locale}; see {@link PolicyEngine#render}. */
    public RenderedDecision render(Claim claim, Locale locale) {
        return engineFor(claim).render(claim, locale);
    }

    /** @see PolicyEngine#explain */
    public Explanation explain(Claim claim) {
        return engineFor(claim).explain(claim);
    }

    /**
     * Decides every claim by its store's stack, as {@link PolicyEngine#decideEach}: results in the claims'
     * order. The claims of one stack are decided together, as one engine would decide them.
     *
     * @throws BadInputException for a store with no row when there is no {@code *} row, or a claim no
     *                           version of its stack's packs is in force for ({@link #check} each first to keep the others)
     */
    public List<PolicyEngine.Result> decideEach(Collection<Claim> claims) {
        return byStack(claims, PolicyEngine::decideEach);
    }

    /** As {@link PolicyEngine#decideTraced}, each claim by its store's stack: what coverage over a chain needs. */
    public List<PolicyEngine.Traced> decideTraced(Collection<Claim> claims) {
        return byStack(claims, PolicyEngine::decideTraced);
    }

    /** Every rule of every stack, each once (stacks share packs), in the order of the stacks. */
    public List<PackRule> rules() {
        Set<PackRule> rules = new LinkedHashSet<>();
        for (Stack stack : stacks()) rules.addAll(stack.engine().rules());
        return List.copyOf(rules);
    }

    /**
     * Hands each stack its claims at once and puts what it gives back in the claims' order. A claim costs a map
     * lookup and a few array slots here; a batch of one stack's claims goes through whole.
     */
    private <R> List<R> byStack(Collection<Claim> claims, BiFunction<PolicyEngine, List<Claim>, List<R>> decide) {
        Chain chain = live.get();
        List<Claim> all = claims instanceof List<Claim> list ? list : List.copyOf(claims);
        int n = all.size();
        if (n == 0) return List.of();
        List<Stack> stacks = new ArrayList<>(4);
        int[] stackOf = new int[n];
        Stack last = null;
        int lastIndex = -1;
        for (int i = 0; i < n; i++) {
            Stack stack = stackOf(chain, all.get(i));
            if (stack != last) {
                lastIndex = indexOf(stacks, stack);
                last = stack;
            }
            stackOf[i] = lastIndex;
        }
        if (stacks.size() == 1) return decide.apply(stacks.get(0).engine(), all);
        int[] counts = new int[stacks.size()];
        for (int i = 0; i < n; i++) counts[stackOf[i]]++;
        Object[] results = new Object[n];
        for (int s = 0; s < stacks.size(); s++) {
            int[] at = new int[counts[s]];
            List<Claim> subset = new ArrayList<>(counts[s]);
            for (int i = 0, j = 0; i < n; i++) {
                if (stackOf[i] == s) {
                    at[j++] = i;
                    subset.add(all.get(i));
                }
            }
            List<R> decided = decide.apply(stacks.get(s).engine(), subset);
            for (int j = 0; j < at.length; j++) results[at[j]] = decided.get(j);
        }
        @SuppressWarnings("unchecked")
        List<R> inOrder = (List<R>) Arrays.asList(results);
        return Collections.unmodifiableList(inOrder);
    }

    /** The index of {@code stack} in {@code stacks}, added at the end when it is not there yet (a chain has a few stacks). */
    private static int indexOf(List<Stack> stacks, Stack stack) {
        for (int i = 0; i < stacks.size(); i++) {
            if (stacks.get(i) == stack) return i;
        }
        stacks.add(stack);
        return stacks.size() - 1;
    }

    /**
     * The words of every stack's decisions in {@code locale}: a decision is put in words by the sentences of
     * the packs that made it.
     *
     * @throws UnsupportedLanguageException when a pack of some stack lacks the language
     */
    public Wording wording(Locale locale) {
        List<Stack> stacks = stacks();
        List<Wording> each = new ArrayList<>();
        for (Stack stack : stacks) each.add(stack.engine().wording(locale));
        Language language = each.get(0).language();
        // found once per pack version: a decision's every reason asks, and a chain has many stacks to ask
        Map<PolicyId, PackSentences> known = new ConcurrentHashMap<>();
        return new Wording(language, policy -> {
            PackSentences found = known.get(policy);
            if (found != null) return found;
            // the stack deciding by this very version first: one with another version of a pack of the same name
            // (a folder copy of store-standard beside the bundled one) would answer by the name
            for (int i = 0; i < stacks.size() && found == null; i++) {
                if (stacks.get(i).policies().contains(policy)) found = each.get(i).sentencesOf(policy);
            }
            for (int i = 0; i < each.size() && found == null; i++) found = each.get(i).sentencesOf(policy);
            if (found != null) known.put(policy, found);
            return found;
        }, PackSentences.engine(language));
    }

    /**
     * Reads the stores file again, with every pack it names, and swaps the result in. A file or pack that
     * does not load, or a folder pack whose rules fail for a generated claim (as {@code validate} finds),
     * never goes live: the old chain keeps deciding, and the problems are thrown.
     */
    public List<Stack> reload() throws RuleLoadException {
        Chain old = live.get();
        try {
            Chain fresh = compile(file, old, true, checkedHashes, Map.of(), compiled);
            live.set(fresh);
            return fresh.stacks();
        } catch (RuleLoadException e) {
            LOG.warn("stores file {} not reloaded, the old stacks keep deciding:\n{}", file, e.getMessage());
            throw e;
        }
    }

    /**
     * Watches the stores file's folder and every folder pack it names, and reloads the chain after a change
     * once things have been quiet for {@code settle}. A folder pack that a reloaded file names for the first
     * time is watched from then on. Close the result to stop.
     */
    public AutoCloseable watch(Duration settle, PolicyEngine.ReloadListener listener) {
        Map<Path, RuleWatcher> watchers = new LinkedHashMap<>();
        Runnable[] onChange = new Runnable[1];
        Runnable watchEveryFolder = () -> {
            synchronized (watchers) {
                for (Path folder : folders()) {
                    if (!watchers.containsKey(folder)) watchers.put(folder, RuleWatcher.start(folder, settle, onChange[0]));
                }
            }
        };
        onChange[0] = () -> {
            try {
                reload();
            } catch (RuleLoadException | RuntimeException e) {
                listener.failed(e);
                return;
            }
            watchEveryFolder.run();
            listener.reloaded(stacks().get(0).engine().policy());
        };
        watchEveryFolder.run();
        return () -> {
            synchronized (watchers) {
                watchers.values().forEach(RuleWatcher::close);
                watchers.clear();
            }
        };
    }

    /** The folders the live chain is read from: the stores file's, then each folder pack's (absolute, each once). */
    private List<Path> folders() {
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(file.toAbsolutePath().getParent());
        for (Stack stack : stacks()) folders.addAll(folders(stack));
        return List.copyOf(folders);
    }

    /** The folders {@code stack}'s pack and floors are read from (absolute); none for bundled packs. */
    public List<Path> folders(Stack stack) {
        List<Path> folders = new ArrayList<>();
        for (String pack : packsOf(stack)) {
            Path folder = folderOf(file, pack);
            if (folder != null) folders.add(folder.toAbsolutePath());
        }
        return folders;
    }

    /**
     * This chain with the pack in {@code folder} deciding wherever a row names {@code pack} (as its pack or a floor),
     * what {@code diff --stores} compares an edited pack by. {@code pack} is a bundled name as the file writes it,
     * or a folder (the same folder, however it is written). The file is read again; this engine is unchanged.
     *
     * @throws RuleLoadException        with the problems of the file or of a pack, the new one's among them
     * @throws IllegalArgumentException when no row names {@code pack}
     */
    public StoreEngine withPack(String pack, Path folder) throws RuleLoadException {
        Map<String, PolicyEngine> given = new HashMap<>();
        PolicyEngine replacement = null;
        for (StoresFile.Row row : rows()) {
            List<String> names = new ArrayList<>(row.floors());
            names.add(0, row.pack());
            for (String name : names) {
                if (!given.containsKey(name) && names(name, pack)) {
                    if (replacement == null) replacement = PolicyEngine.load(folder);
                    given.put(name, replacement);
                }
            }
        }
        if (given.isEmpty()) throw new IllegalArgumentException("no row of " + file.getFileName() + " names " + pack);
        Map<String, Compiled> fresh = new ConcurrentHashMap<>();
        return new StoreEngine(file, compile(file, null, false, null, given, fresh), fresh);
    }

    /** Whether a row's pack {@code name} is the pack {@code pack}: the same text, or the same folder. */
    private boolean names(String name, String pack) {
        if (name.equals(pack)) return true;
        Path folder = folderOf(file, name);
        Path other = Path.of(pack);
        if (folder == null || !Files.isDirectory(other)) return false;
        try {
            return Files.isSameFile(folder, other);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static List<String> packsOf(Stack stack) {
        List<String> packs = new ArrayList<>(stack.floors());
        packs.add(0, stack.pack());
        return packs;
    }

    private static Stack stackOf(Chain chain, Claim claim) {
        Stack stack = claim.store() == null ? null : chain.byStore().get(claim.store());
        if (stack != null) return stack;
        if (chain.any() == null) throw noRow(chain, claim);
        return chain.any();
    }

    private static BadInputException noRow(Chain chain, Claim claim) {
        String name = chain.file().file().getFileName().toString();
        return new BadInputException("store", claim.store() == null
                ? "missing, and no * row in " + name
                : "no row for \"" + claim.store() + "\" in " + name + ", and no * row");
    }

    /**
     * Reads the file and compiles its stacks; a stack whose packs are the same versions as in {@code old}
     * keeps its load time. With {@code validate}, folder packs not yet in {@code checked} are checked as validate does.
     * {@code given}: packs already compiled, by the name the rows give them, in place of what the name says.
     * {@code compiled}: the packs compiled before, reused where their files are as they were; what is compiled is added.
     */
    private static Chain compile(Path file, Chain old, boolean validate, Set<String> checked, Map<String, PolicyEngine> given,
                                 Map<String, Compiled> compiled) throws RuleLoadException {
        List<RuleProblem> problems = new ArrayList<>();
        StoresFile stores = StoresFile.read(file, problems);
        Map<String, PolicyEngine> packs = new HashMap<>(given);
        Map<String, Stack> stackByName = new LinkedHashMap<>();
        Map<String, List<String>> storesOf = new LinkedHashMap<>();
        Map<String, StoresFile.Row> firstRow = new LinkedHashMap<>();
        for (StoresFile.Row row : stores.rows()) {
            storesOf.computeIfAbsent(row.stack(), s -> new ArrayList<>()).add(row.store());
            firstRow.putIfAbsent(row.stack(), row);
        }
        Map<String, PolicyEngine> engines = new HashMap<>();
        for (StoresFile.Row row : firstRow.values()) {
            PolicyEngine engine = stack(file, row, packs, problems, validate, checked, compiled);
            if (engine != null) engines.put(row.stack(), engine);
        }
        for (StoresFile.Row row : stores.rows()) {
            PolicyEngine engine = engines.get(row.stack());
            if (engine == null) continue;
            try {
                engine.wording(row.lang());
            } catch (UnsupportedLanguageException e) {
                problems.add(RuleProblem.error(file, row.line(), "lang: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            List<RuleProblem> inLineOrder = new ArrayList<>(problems);
            inLineOrder.sort(java.util.Comparator.comparing((RuleProblem p) -> !p.file().equals(file)).thenComparingInt(RuleProblem::line));
            throw new RuleLoadException(inLineOrder);
        }
        Instant now = Instant.now();
        for (Map.Entry<String, List<String>> entry : storesOf.entrySet()) {
            StoresFile.Row row = firstRow.get(entry.getKey());
            PolicyEngine engine = engines.get(entry.getKey());
            Stack stack = new Stack(entry.getValue(), row.pack(), row.floors(), engine, now);
            Instant since = old == null ? null : sameStack(old, stack);
            stackByName.put(entry.getKey(), since == null ? stack : new Stack(entry.getValue(), row.pack(), row.floors(), engine, since));
        }
        Map<String, Stack> byStore = new HashMap<>();
        Map<String, Locale> languages = new HashMap<>();
        Stack any = null;
        Locale anyLanguage = null;
        for (StoresFile.Row row : stores.rows()) {
            Stack stack = stackByName.get(row.stack());
            if (row.store().equals(StoresFile.ANY_STORE)) {
                any = stack;
                anyLanguage = row.lang();
            } else {
                byStore.put(row.store(), stack);
                languages.put(row.store(), row.lang());
            }
        }
        if (stackByName.isEmpty()) {
            throw new RuleLoadException(List.of(RuleProblem.error(file, 0, "no stores: add a row, or a * row for every store")));
        }
        return new Chain(stores, Map.copyOf(byStore), any, List.copyOf(stackByName.values()), Map.copyOf(languages), anyLanguage);
    }

    /** When {@code stack}'s packs went live in {@code old}, if they are the same versions there; else null. */
    private static Instant sameStack(Chain old, Stack stack) {
        for (Stack before : old.stacks()) {
            if (before.policies().equals(stack.policies())) return before.loadedAt();
        }
        return null;
    }

    /** The row's stack: its pack with its floors under it; null (and the problems added at the row's line) when one does not load. */
    private static PolicyEngine stack(Path file, StoresFile.Row row, Map<String, PolicyEngine> packs, List<RuleProblem> problems,
                                      boolean validate, Set<String> checked, Map<String, Compiled> compiled) {
        PolicyEngine engine = pack(file, row, "pack", row.pack(), packs, problems, validate, checked, compiled);
        List<String> stacked = new ArrayList<>();
        if (engine != null) stacked.add(engine.policy().name());
        for (String name : row.floors()) {
            PolicyEngine floor = pack(file, row, "floors", name, packs, problems, validate, checked, compiled);
            if (floor == null || engine == null) {
                engine = null;
                continue;
            }
            if (stacked.contains(floor.policy().name())) {
                problems.add(RuleProblem.error(file, row.line(), "floors: " + name + " is "
                        + (stacked.get(0).equals(floor.policy().name()) ? "the store pack itself; a pack cannot be its own floor" : "stacked twice")));
                engine = null;
                continue;
            }
            stacked.add(floor.policy().name());
            engine = engine.withFloor(floor);
        }
        return engine;
    }

    /** A pack named in a row, compiled once per file load; null (and the problems added) when it is unknown or does not load. */
    private static PolicyEngine pack(Path file, StoresFile.Row row, String column, String name, Map<String, PolicyEngine> packs,
                                     List<RuleProblem> problems, boolean validate, Set<String> checked, Map<String, Compiled> compiled) {
        if (packs.containsKey(name)) return packs.get(name);
        Path folder = folderOf(file, name);
        PolicyEngine engine = null;
        try {
            if (folder != null) {
                String fingerprint = fingerprint(folder);
                Compiled before = compiled.get(folder.toString());
                if (before != null && before.fingerprint().equals(fingerprint)) {
                    engine = before.engine();
                } else {
                    PackVersions versions = PackVersions.load(folder);
                    // the pack just compiled is the one checked: no second compilation for the check
                    if (validate) {
                        List<RuleProblem> errors = PackValidation.errors(versions, checked);
                        if (!errors.isEmpty()) throw new RuleLoadException(errors);
                    }
                    engine = new PolicyEngine(folder, PackStack.of(versions));
                    compiled.put(folder.toString(), new Compiled(fingerprint, engine));
                }
            } else if (PolicyEngine.bundledPacks().contains(name)) {
                // a bundled pack does not change while the process runs
                Compiled before = compiled.get(name);
                engine = before != null ? before.engine() : PolicyEngine.bundled(name);
                if (before == null) compiled.put(name, new Compiled("", engine));
            } else {
                problems.add(RuleProblem.error(file, row.line(), column + ": unknown pack \"" + name + "\": neither a bundled pack ("
                        + String.join(", ", PolicyEngine.bundledPacks()) + ") nor a folder next to " + file.getFileName()));
            }
        } catch (RuleLoadException e) {
            problems.add(RuleProblem.error(file, row.line(), column + ": " + name + " does not load:"));
            problems.addAll(e.problems());
        }
        packs.put(name, engine);
        return engine;
    }

    /**
     * What a pack folder's files look like: each file's path, size, modification time and file key (a save by rename is a new
     * file), so that a pack is compiled again only when a file of it changed. Unique when the folder cannot be read.
     */
    private static String fingerprint(Path folder) {
        StringBuilder print = new StringBuilder();
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path each : files.sorted().toList()) {
                var attributes = Files.readAttributes(each, java.nio.file.attribute.BasicFileAttributes.class);
                if (!attributes.isRegularFile()) continue;
                print.append(folder.relativize(each)).append(' ').append(attributes.size()).append(' ')
                        .append(attributes.lastModifiedTime().toInstant()).append(' ').append(attributes.fileKey()).append('\n');
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return "unread " + System.nanoTime();
        }
        return print.toString();
    }

    /** The folder a pack name means, relative to the stores file; null when it names no folder (a bundled pack's name). */
    static Path folderOf(Path file, String name) {
        if (PolicyEngine.bundledPacks().contains(name) && !name.contains("/")) return null;
        Path parent = file.toAbsolutePath().getParent();
        Path folder = parent.resolve(name).normalize();
        return Files.isDirectory(folder) ? folder : null;
    }
}
