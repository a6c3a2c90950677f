package io.policyengine.rules;

import io.policyengine.RuleLoadException;
import io.policyengine.facts.Exclusion;
import io.policyengine.facts.Findings;
import io.policyengine.facts.Grant;
import io.policyengine.facts.RepairDeadline;
import io.policyengine.model.Claim;
import io.policyengine.model.PolicyId;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One policy pack, compiled once: its identity, its terms, and the rules that find grants and
 * exclusions for claims. Immutable and safe to share between threads.
 */
public final class RulePack {
    /** The declared type that names a pack: {@code declare Pack name, version, effectiveFrom end}. */
    static final String PACK_TYPE = "Pack";
    /** The declared type that holds a pack's policy terms, one instance inserted with every claim. */
    static final String TERMS_TYPE = "Terms";

    private final KieBase kieBase;
    private final PolicyId policy;
    private final Map<String, String> metadata;
    private final Map<String, Object> terms;
    private final List<Object> termFacts;

    private RulePack(KieBase kieBase, PolicyId policy, Map<String, String> metadata,
                     Map<String, Object> terms, List<Object> termFacts) {
        this.kieBase = kieBase;
        this.policy = policy;
        this.metadata = metadata;
        this.terms = terms;
        this.termFacts = termFacts;
    }

    /** Compiles the {@code .drl} files of {@code folder}. */
    public static RulePack load(Path folder) throws RuleLoadException {
        PackFiles files = PackFiles.read(folder);
        KieBase base = PackCompiler.compile(files);
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
        return new RulePack(base, policy, Map.copyOf(metadata), Collections.unmodifiableMap(terms), List.copyOf(termFacts));
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

    /** The pack's declared metadata ({@code name}, {@code version}, {@code effectiveFrom}, ...). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The pack's policy terms by name, in declaration order, such as {@code defectRefundDays=15}. */
    public Map<String, Object> terms() {
        return terms;
    }

    /** Runs the rules over the claims; the findings come back in the claims' order. */
    public List<Findings> fire(List<Claim> claims) {
        KieSession session = kieBase.newKieSession();
        try {
            termFacts.forEach(session::insert);
            claims.forEach(session::insert);
            session.fireAllRules();
            return collect(claims, session.getObjects());
        } finally {
            session.dispose();
        }
    }

    private static List<Findings> collect(List<Claim> claims, Collection<?> facts) {
        Map<Claim, Collected> byClaim = new IdentityHashMap<>(claims.size() * 2);
        for (Claim claim : claims) byClaim.putIfAbsent(claim, new Collected());
        for (Object fact : facts) {
            if (fact instanceof Grant grant) {
                byClaim.get(grant.claim()).grants.add(grant);
            } else if (fact instanceof Exclusion exclusion) {
                byClaim.get(exclusion.claim()).exclusions.add(exclusion);
            } else if (fact instanceof RepairDeadline deadline) {
                byClaim.get(deadline.claim()).deadline = deadline;
            }
        }
        List<Findings> findings = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            Collected c = byClaim.get(claim);
            findings.add(new Findings(c.grants, c.exclusions, c.deadline));
        }
        return findings;
    }

    private static final class Collected {
        final List<Grant> grants = new ArrayList<>(4);
        final List<Exclusion> exclusions = new ArrayList<>(4);
        RepairDeadline deadline;
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
