package io.policyengine;

import java.util.List;
import java.util.stream.Collectors;

/** Rule files that cannot be loaded: lists every problem with its file and line. */
public final class RuleLoadException extends Exception {
    private final List<RuleProblem> problems;

    public RuleLoadException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
