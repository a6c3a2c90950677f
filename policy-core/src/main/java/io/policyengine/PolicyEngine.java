package io.policyengine;

import io.policyengine.check.ClaimSpace;
import io.policyengine.decide.Decisions;
import io.policyengine.facts.Findings;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;
import io.policyengine.model.PolicyId;
import io.policyengine.rules.RulePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides return and warranty claims with one policy pack. Thread-safe: compile the rules once,
 * then call {@link #decide} from as many threads as you like.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.load(Path.of("my-rules"));   // or PolicyEngine.storeStandard()
 * Decision d = engine.decide(claim);
 * }</pre>
 *
 * <p>An engine loaded from a folder can {@link #reload} it, or {@link #watch} it and reload on every
 * change. New rules are compiled off to the side and swapped in at once; a decision already under
 * way finishes on the rules it started with, and rules that do not compile never go live.
 */
public final class PolicyEngine {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyEngine.class);
    /** Claims per rule session in {@link #decideAll}: shares a session's cost without growing its memory. */
    private static final int BATCH = 256;

    private final Path folder;
    private final AtomicReference<RulePack> live;

    private PolicyEngine(Path folder, RulePack pack) {
        this.folder = folder;
        this.live = new AtomicReference<>(pack);
    }

    /** Compiles the {@code .drl} files in {@code rulesDir}; throws with every problem's file and line. */
    public static PolicyEngine load(Path rulesDir) throws RuleLoadException {
        return new PolicyEngine(rulesDir, RulePack.load(rulesDir));
    }

    /** A pack bundled with policy-rules, such as {@code store-standard}. */
    public static PolicyEngine bundled(String name) throws RuleLoadException {
        return new PolicyEngine(null, RulePack.bundled(name));
    }

    /** The bundled store-standard policy (contract section 3); needs policy-rules on the classpath. */
    public static PolicyEngine storeStandard() {
        try {
            return bundled("store-standard");
        } catch (RuleLoadException e) {
            throw new IllegalStateException("the bundled store-standard pack does not load: " + e.getMessage(), e);
        }
    }

    /** The names of the packs bundled on the classpath. */
    public static List<String> bundledPacks() {
        return RulePack.bundledNames();
    }

    /**
     * Compiles the rule files in {@code rulesDir} and checks them: every error, and warnings for
     * rules that cite no article or that fire for no claim of a generated set. Never throws for bad rules.
     */
    public static List<RuleProblem> validate(Path rulesDir) {
        try {
            RulePack pack = RulePack.load(rulesDir);
            return pack.warnings(ClaimSpace.around(pack.terms()));
        } catch (RuleLoadException e) {
            return e.problems();
        }
    }

    /** Which rules decide now: the pack's name, version and content hash. */
    public PolicyId policy() {
        return live.get().policy();
    }

    /** The policy terms of the live rules by name, such as {@code defectRefundDays=15}. */
    public Map<String, Object> terms() {
        return live.get().terms();
    }

    public Decision decide(Claim claim) {
        RulePack pack = live.get();
        Findings findings = pack.fire(List.of(claim)).get(0);
        return Decisions.assemble(claim, findings, pack.policy());
    }

    /** Decides every claim; the decisions come back in the claims' order, all made by the same rules. */
    public List<Decision> decideAll(Collection<Claim> claims) {
        RulePack pack = live.get();
        List<Claim> all = List.copyOf(claims);
        List<Decision> decisions = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Claim> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            List<Findings> findings = pack.fire(batch);
            for (int i = 0; i < batch.size(); i++) {
                decisions.add(Decisions.assemble(batch.get(i), findings.get(i), pack.policy()));
            }
        }
        return decisions;
    }

    /** Decides one claim and tells how: every rule that fired, in order, with the terms it used. */
    public Explanation explain(Claim claim) {
        RulePack pack = live.get();
        RulePack.Trace trace = pack.trace(claim);
        return new Explanation(claim, Decisions.assemble(claim, trace.findings(), pack.policy()), trace.firedRules());
    }

    /**
     * Recompiles the engine's rules folder and swaps the result in. When the new rules do not load,
     * the old ones keep serving and the problems are thrown (and logged as FILE:LINE).
     */
    public PolicyId reload() throws RuleLoadException {
        if (folder == null) throw new IllegalStateException("a bundled pack has no folder to reload");
        try {
            RulePack fresh = RulePack.load(folder);
            RulePack old = live.getAndSet(fresh);
            if (!old.policy().equals(fresh.policy())) {
                LOG.info("rules reloaded from {}: {} -> {}", folder, old.policy(), fresh.policy());
            }
            return fresh.policy();
        } catch (RuleLoadException e) {
            LOG.warn("rules in {} not reloaded, still serving {}:\n{}", folder, live.get().policy(), e.getMessage());
            throw e;
        }
    }

    /**
     * Watches the rules folder and reloads it after each change (once the folder has been quiet for
     * {@code settle}, so a save of many files is one reload). Close the watcher to stop.
     */
    public AutoCloseable watch(Duration settle) {
        if (folder == null) throw new IllegalStateException("a bundled pack has no folder to watch");
        return RuleWatcher.start(folder, settle, this::reloadQuietly);
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuleLoadException | RuntimeException e) {
            LOG.debug("reload failed", e);
        }
    }
}
