package io.policyengine.examples.cli;

import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.command.LanguageOption;
import io.policyengine.examples.words.Words;
import io.policyengine.examples.pipeline.Printable;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleProblem;
import io.policyengine.Validation;
import io.policyengine.model.PackRule;
import io.policyengine.model.PackTerm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println(dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder"));
            return ExitCodes.BAD_INPUT;
        }
        Words words = Words.of(ValidateCommand.class, language.language());
        Validation validation = PolicyEngine.validation(dir);
        for (Validation.Sources pack : validation.packs()) {
            if (!pack.policy().parents().isEmpty()) printSources(out, words, pack);
        }
        List<RuleProblem> problems = validation.problems();
        problems.forEach(problem -> out.println(Printable.oneLine(problem.toString())));
        long errors = problems.stream().filter(p -> !p.warning()).count();
        long warnings = problems.size() - errors;
        out.println(words.render("validate.verdict", Map.of("dir", dir.toString(), "errors", errors, "warnings", warnings)));
        return errors == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** Where a child pack's terms and rules come from (contract 14.1): its own files, or which parent's. */
    private static void printSources(PrintWriter out, Words words, Validation.Sources pack) {
        out.println(Printable.oneLine(words.render("validate.extends", Map.of("pack", pack.policy().name() + " " + pack.policy().version(),
                "parents", pack.policy().parents().stream().map(parent -> parent.name() + " " + parent.version())
                        .collect(Collectors.joining(words.get("validate.whichExtends")))))));
        for (PackTerm term : pack.terms()) {
            out.println(Printable.oneLine("  " + words.render("validate.term", Map.of("term", term.name(), "value", String.valueOf(term.value()),
                    "origin", String.valueOf(term.origin()), "where", term.where()))));
        }
        for (PackRule rule : pack.rules()) {
            out.println(Printable.oneLine("  " + words.render(rule.article().isEmpty() ? "validate.rule" : "validate.ruleOfArticle",
                    Map.of("rule", rule.name(), "article", rule.article(), "origin", String.valueOf(rule.origin()), "where", rule.where()))));
        }
    }
}
