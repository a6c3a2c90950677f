package io.policyengine;

import io.policyengine.model.PackRule;
import io.policyengine.model.PackTerm;
import io.policyengine.model.PolicyId;

import java.util.List;

/**
 * What {@link PolicyEngine#validation(java.nio.file.Path)} finds in a folder of rules: every problem, and for each version of
 * the pack that compiled, where its rules and terms come from (contract 14.1: a pack that extends another takes most of
 * them from its parents).
 *
 * @param problems every error and warning, as {@link PolicyEngine#validate} returns them
 * @param packs    each version that compiled, oldest first; empty when none did
 */
public record Validation(List<RuleProblem> problems, List<Sources> packs) {

    public Validation {
        problems = List.copyOf(problems);
        packs = List.copyOf(packs);
    }

    /**
     * One compiled pack: its identity with its parents, its rules and its terms, each naming the pack and the file
     * that declares it.
     */
    public record Sources(PolicyId policy, List<PackRule> rules, List<PackTerm> terms) {
        public Sources {
            rules = List.copyOf(rules);
            terms = List.copyOf(terms);
        }
    }

    /** Whether any error was found (warnings alone are not errors). */
    public boolean hasErrors() {
        return problems.stream().anyMatch(problem -> !problem.warning());
    }
}
