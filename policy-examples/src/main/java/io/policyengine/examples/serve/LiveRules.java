package io.policyengine.examples.serve;

import io.policyengine.examples.pipeline.ClaimBatches;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.RuleProblem;
import io.policyengine.StoreEngine;
import io.policyengine.StoresFile;
import io.policyengine.examples.report.StoreRegions;
import io.policyengine.UnsupportedLanguageException;
import io.policyengine.Wording;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;
import io.policyengine.model.PolicyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the service decides with, and what {@code GET /v1/policy} tells of it: which rules are live, since when,
 * and why the last reload failed. One stack (with a rules folder, the folder is watched), or a chain's stores file
 * (contract 14.2), which is always watched with every folder pack it names. A save that loads goes live; a broken
 * one leaves the old rules serving and is reported.
 */
final class LiveRules implements PolicyEngine.ReloadListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofMillis(200);

    /** The one stack; null with a chain. */
    private final PolicyEngine engine;
    /** The chain; null with one stack. */
    private final StoreEngine chain;
    private final ClaimBatches.Decider decider;
    private final ServiceMetrics metrics;
    private final AutoCloseable watcher;
    private volatile Instant loadedAt = Instant.now();
    private volatile String lastReloadError;
    /** The problems of the last reload that failed; empty after one that went live. */
    private volatile List<RuleProblem> lastReloadProblems = List.of();
    /** The words by language, made once per language and again after each reload. */
    private final Map<Locale, Wording> wordings = new ConcurrentHashMap<>();

    /** @param watched whether the engine was loaded from a folder to watch */
    LiveRules(PolicyEngine engine, boolean watched, ServiceMetrics metrics) {
        this.engine = engine;
        this.chain = null;
        this.decider = ClaimBatches.Decider.of(engine);
        this.metrics = metrics;
        metrics.live(List.of(engine.policy()));
        this.watcher = watched ? engine.watch(SETTLE, this) : () -> { };
    }

    /** @param watched whether the stores file and its folder packs are watched (the warm-up's copy is not) */
    LiveRules(StoreEngine chain, boolean watched, ServiceMetrics metrics) {
        this.engine = null;
        this.chain = chain;
        this.decider = ClaimBatches.Decider.of(chain);
        this.metrics = metrics;
        metrics.live(livePolicies());
        this.watcher = watched ? chain.watch(SETTLE, this) : () -> { };
    }

    /** What a batch is decided with. */
    ClaimBatches.Decider decider() {
        return decider;
    }

    /** Whether claims are decided by their stores' stacks. */
    boolean chain() {
        return chain != null;
    }

    /**
     * The region of the claim's store in the live stores file, for its decision-log line (contract 14.3); null with one
     * stack, or when the file does not say. Worked out again only when a reload brings other rows.
     */
    String regionOf(Claim claim) {
        if (chain == null) return null;
        List<StoresFile.Row> rows = chain.rows();
        Regions known = regions;
        if (known == null || known.rows() != rows) regions = known = new Regions(rows, StoreRegions.of(rows));
        return known.regions().of(claim.store());
    }

    /** The regions of one load of the stores file. */
    private record Regions(List<StoresFile.Row> rows, StoreRegions regions) {
    }

    private volatile Regions regions;

    /** The stores of the chain, in file order ({@code *} left out); empty with one stack. */
    List<String> stores() {
        if (chain == null) return List.of();
        List<String> stores = new ArrayList<>();
        for (var row : chain.rows()) {
            if (!row.store().equals(io.policyengine.StoresFile.ANY_STORE)) stores.add(row.store());
        }
        return stores;
    }

    /** @see PolicyEngine#check */
    void check(Claim claim) {
        decider.check(claim);
    }

    /** @see PolicyEngine#decide */
    Decision decide(Claim claim) {
        return chain == null ? engine.decide(claim) : chain.decide(claim);
    }

    /** @see PolicyEngine#explain */
    Explanation explain(Claim claim) {
        return decider.explain(claim);
    }

    /** The languages the claim's stack has sentences in. */
    Set<Locale> languages(Claim claim) {
        return chain == null ? engine.languages() : chain.engineFor(claim).languages();
    }

    /**
     * The words in {@code language}.
     *
     * @throws HttpError 400 naming {@code lang} when a pack of the live rules has no sentences in it
     */
    Wording wording(Locale language) {
        try {
            return wordings.computeIfAbsent(language, chain == null ? engine::wording : chain::wording);
        } catch (UnsupportedLanguageException e) {
            throw new HttpError(400, "lang: " + e.getMessage());
        }
    }

    /**
     * Each claim's words: in {@code requested} when the request (or {@code --lang}) chose a language; else, with a
     * chain, in the language of the claim's store; else in {@code fallback}.
     */
    Function<Claim, Wording> wordings(Locale requested, Locale fallback) {
        if (requested != null || chain == null) {
            Wording one = wording(requested != null ? requested : fallback);
            return claim -> one;
        }
        return claim -> wording(chain.languageOf(claim));
    }

    @Override
    public void reloaded(PolicyId live) {
        wordings.clear();
        loadedAt = Instant.now();
        lastReloadError = null;
        lastReloadProblems = List.of();
        metrics.reloaded();
        metrics.live(chain == null ? List.of(live) : livePolicies());
    }

    @Override
    public void failed(Exception problem) {
        lastReloadError = problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage().strip();
        lastReloadProblems = problem instanceof RuleLoadException e ? e.problems() : List.of();
        metrics.reloadFailed();
        LOG.debug("reload failed", problem);
    }

    /** Every pack deciding now: each stack's store pack, once. */
    private List<PolicyId> livePolicies() {
        List<PolicyId> live = new ArrayList<>();
        for (StoreEngine.Stack stack : chain.stacks()) {
            if (!live.contains(stack.engine().policy())) live.add(stack.engine().policy());
        }
        return live;
    }

    /**
     * One stack: {@code {"name","version","hash","parents","floors","terms","loadedAt","lastReloadError"}}. A chain:
     * {@code {"stores","loadedAt","lastReloadError","stacks":[{"stores","pack","name","version","hash","parents","floors","terms",
     * "loadedAt","lastReloadError"}]}}, a stack's {@code lastReloadError} being the problems of the last failed reload in
     * its own pack folders.
     */
    String policyJson() {
        if (chain == null) {
            ObjectNode json = stackJson(engine);
            json.put("loadedAt", loadedAt.toString());
            json.put("lastReloadError", lastReloadError);
            return json.toString();
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("stores", chain.file().toString());
        json.put("loadedAt", loadedAt.toString());
        json.put("lastReloadError", lastReloadError);
        ArrayNode stacks = json.putArray("stacks");
        List<RuleProblem> problems = lastReloadProblems;
        for (StoreEngine.Stack stack : chain.stacks()) {
            ObjectNode each = JSON.createObjectNode();
            each.set("stores", JSON.valueToTree(stack.stores()));
            each.put("pack", stack.pack());
            each.setAll(stackJson(stack.engine()));
            each.put("loadedAt", stack.loadedAt().toString());
            each.put("lastReloadError", problemsIn(problems, chain.folders(stack)));
            stacks.add(each);
        }
        return json.toString();
    }

    /** The problems in files under {@code folders}, one a line; null when none. */
    private static String problemsIn(List<RuleProblem> problems, List<Path> folders) {
        List<String> lines = new ArrayList<>();
        for (RuleProblem problem : problems) {
            Path file = problem.file().toAbsolutePath().normalize();
            if (folders.stream().anyMatch(file::startsWith)) lines.add(problem.toString());
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** {@code {"name","version","hash","parents","floors","terms"}} of one stack. */
    private static ObjectNode stackJson(PolicyEngine engine) {
        PolicyId policy = engine.policy();
        ObjectNode json = JSON.createObjectNode();
        json.put("name", policy.name()).put("version", policy.version()).put("hash", policy.hash());
        ArrayNode parents = json.putArray("parents");
        for (PolicyId parent : policy.parents()) parents.addObject().put("name", parent.name()).put("version", parent.version()).put("hash", parent.hash());
        ArrayNode floors = json.putArray("floors");
        List<PolicyId> floorIds = engine.floors();
        List<Map<String, Object>> floorTerms = engine.floorTerms();
        for (int i = 0; i < floorIds.size(); i++) {
            PolicyId floor = floorIds.get(i);
            floors.addObject().put("name", floor.name()).put("version", floor.version()).put("hash", floor.hash())
                    .set("terms", JSON.valueToTree(floorTerms.get(i)));
        }
        json.set("terms", JSON.valueToTree(engine.terms()));
        return json;
    }

    /** The one stack, or with a chain the first stack's engine. */
    PolicyEngine anyEngine() {
        return chain == null ? engine : chain.stacks().get(0).engine();
    }

    @Override
    public void close() throws Exception {
        watcher.close();
    }
}
