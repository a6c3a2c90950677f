package io.policyengine.examples.cli;

import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.pipeline.Printable;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleProblem;
import io.policyengine.Validation;
import io.policyengine.model.PackRule;
import io.policyengine.model.PackTerm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "validate", description = {
        "Checks the rule files in DIR: every problem as FILE:LINE: message.",
        "Also warns about rules that cite no article or can never fire; warnings alone exit 0.",
        "For a pack that extends another, it lists each term and rule with the pack and FILE:LINE it comes from."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of .drl rule files to check.")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println(dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder"));
            return ExitCodes.BAD_INPUT;
        }
        Validation validation = PolicyEngine.validation(dir);
        for (Validation.Sources pack : validation.packs()) {
            if (!pack.policy().parents().isEmpty()) printSources(out, pack);
        }
        List<RuleProblem> problems = validation.problems();
        problems.forEach(problem -> out.println(Printable.oneLine(problem.toString())));
        long errors = problems.stream().filter(p -> !p.warning()).count();
        long warnings = problems.size() - errors;
        out.println(dir + ": " + (errors == 0 ? "valid" : errors + " error(s)") + (warnings == 0 ? "" : ", " + warnings + " warning(s)"));
        return errors == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** Where a child pack's terms and rules come from (contract 14.1): its own files, or which parent's. */
    private static void printSources(PrintWriter out, Validation.Sources pack) {
        out.println(Printable.oneLine(pack.policy().name() + " " + pack.policy().version() + " extends " + pack.policy().parents().stream()
                .map(parent -> parent.name() + " " + parent.version()).collect(Collectors.joining(", which extends "))));
        for (PackTerm term : pack.terms()) {
            out.println(Printable.oneLine("  term " + term.name() + " = " + term.value() + ": " + term.origin() + ", " + term.where()));
        }
        for (PackRule rule : pack.rules()) {
            out.println(Printable.oneLine("  rule \"" + rule.name() + "\"" + (rule.article().isEmpty() ? "" : " (art. " + rule.article() + ")")
                    + ": " + rule.origin() + ", " + rule.where()));
        }
    }
}
