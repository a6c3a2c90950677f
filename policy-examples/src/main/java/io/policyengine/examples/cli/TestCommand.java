package io.policyengine.examples.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.Wording;
import io.policyengine.check.Example;
import io.policyengine.check.ExampleFiles;
import io.policyengine.check.Expectation;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "test", description = {
        "Runs example claims that carry their expected decision and prints each failure with a diff.",
        "An example file is JSON Lines of {\"claim\": {...}, \"expect\": {...}}; folders are searched for *.jsonl."})
final class TestCommand implements Callable<Integer> {
    private static final String DIFF_ROW = "    %-18s %-40s %s%n";

    @Spec
    CommandSpec spec;
    @Mixin
    RulesOption rules;
    @Mixin
    LanguageOption language;
    @Parameters(arity = "1..*", paramLabel = "DIR_OR_FILE")
    List<Path> paths;

    @Override
    public Integer call() throws RuleLoadException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PolicyEngine engine = rules.engine();
        Wording wording = language.wording(engine);
        Map<Locale, Wording> wordings = new HashMap<>();
        Function<Locale, Wording> words = locale -> wordings.computeIfAbsent(locale, engine::wording);
        int passed = 0;
        int failed = 0;
        boolean badInput = false;
        boolean rulesFailed = false;
        for (Path file : ExampleFiles.find(paths)) {
            List<Example> examples = ExampleFiles.read(file).stream().map(e -> decidable(engine, e)).toList();
            List<Claim> claims = new ArrayList<>();
            for (Example example : examples) {
                if (example.claim() != null) claims.add(example.claim());
            }
            List<PolicyEngine.Result> results = engine.decideEach(claims);
            int next = 0;
            for (Example example : examples) {
                if (example.error() != null) {
                    badInput = true;
                    failed++;
                    String problem = Printable.oneLine(example.where() + ": " + example.error());
                    out.println("ERROR " + problem);
                    err.println(problem);
                    continue;
                }
                PolicyEngine.Result result = results.get(next++);
                if (result.isFailure()) {
                    rulesFailed = true;
                    failed++;
                    String problem = Printable.oneLine(example.where() + ": " + result.failure().getMessage());
                    out.println("ERROR " + problem);
                    err.println(problem);
                    continue;
                }
                Decision decision = result.decision();
                List<Expectation.Difference> differences = example.expect().differences(decision, words);
                if (differences.isEmpty()) {
                    passed++;
                } else {
                    failed++;
                    printFailure(out, example, differences, wording.summary(decision));
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        if (badInput || rulesFailed) return ExitCodes.BAD_INPUT;
        return failed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static Example decidable(PolicyEngine engine, Example example) {
        if (example.claim() == null) return example;
        try {
            engine.check(example.claim());
            return example;
        } catch (BadInputException e) {
            return new Example(example.file(), example.line(), null, null, e.getMessage());
        }
    }

    private static void printFailure(PrintWriter out, Example example, List<Expectation.Difference> differences, String summary) {
        out.println(Printable.oneLine("FAIL " + example.claim().id() + " (" + example.where() + ")"));
        out.println(Printable.oneLine("  summary: " + summary));
        out.printf(DIFF_ROW, "field", "expected", "actual");
        for (Expectation.Difference d : differences) {
            out.printf(DIFF_ROW, d.field(), Printable.oneLine(d.expected()), Printable.oneLine(d.actual()));
        }
    }
}
