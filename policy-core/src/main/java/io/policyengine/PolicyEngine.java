package io.policyengine;

import io.policyengine.decide.Decisions;
import io.policyengine.facts.Findings;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.PolicyId;
import io.policyengine.rules.RulePack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides return and warranty claims with one policy pack. Immutable and thread-safe: compile the
 * rules once, then call {@link #decide} from as many threads as you like.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.load(Path.of("my-rules"));   // or PolicyEngine.storeStandard()
 * Decision d = engine.decide(claim);
 * }</pre>
 */
public final class PolicyEngine {
    /** Claims per rule session in {@link #decideAll}: large enough to share the session cost, small enough to stay in cache. */
    private static final int BATCH = 256;

    private final RulePack pack;

    private PolicyEngine(RulePack pack) {
        this.pack = pack;
    }

    /** Compiles the {@code .drl} files in {@code rulesDir}; throws with every problem's file and line. */
    public static PolicyEngine load(Path rulesDir) throws RuleLoadException {
        return new PolicyEngine(RulePack.load(rulesDir));
    }

    /** A pack bundled with policy-rules, such as {@code store-standard}. */
    public static PolicyEngine bundled(String name) throws RuleLoadException {
        return new PolicyEngine(RulePack.bundled(name));
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

    /** Which pack decides: its name, version and content hash. */
    public PolicyId policy() {
        return pack.policy();
    }

    public Decision decide(Claim claim) {
        Findings findings = pack.fire(List.of(claim)).get(0);
        return Decisions.assemble(claim, findings, pack.policy());
    }

    /** Decides every claim; the decisions come back in the claims' order. */
    public List<Decision> decideAll(Collection<Claim> claims) {
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
}
