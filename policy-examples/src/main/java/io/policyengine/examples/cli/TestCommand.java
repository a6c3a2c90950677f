package io.policyengine.examples.cli;

import io.policyengine.examples.command.LanguageOption;
import io.policyengine.examples.command.StoresOption;
import io.policyengine.examples.command.RulesOption;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.pipeline.Printable;
import io.policyengine.examples.pipeline.Progress;
import io.policyengine.examples.pipeline.ClaimBatches;
import io.policyengine.examples.words.Words;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.StoreEngine;
import io.policyengine.Wording;
import io.policyengine.check.Example;
import io.policyengine.check.ExampleFiles;
import io.policyengine.check.Expectation;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.PackRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    @Option(names = "--coverage", paramLabel = "own|all", arity = "0..1", parameterConsumer = CoverageScope.Consumer.class,
            description = "After the results, list every rule with the number of examples that fired it: all the rules of the "
                    + "composed pack (the default), or with own only those written in the pack's own files, not inherited from a parent.")
    CoverageScope coverage;
    @Option(names = "--min-coverage", paramLabel = "P",
            description = "Exit 1 when the examples fire fewer than P percent of the rules (0-100; implies --coverage).")
    Double minCoverage;
    @Mixin
    StoresOption stores;
    @Mixin
    LanguageOption language;
    @Option(names = "--watch", description = "After the first run, run the examples again each time a rules or example file is saved; Ctrl-C stops.")
    boolean watch;
    @Parameters(arity = "1..*", paramLabel = "DIR_OR_FILE",
            description = "Example files, or folders searched for *.jsonl example files.")
    List<Path> paths;

    /** Where saves come from in {@code --watch}: the file system, or a test. */
    private final Function<List<Path>, ExampleWatch.Saves> saves;

    TestCommand() {
        this(FileSaves::watch);
    }

    TestCommand(Function<List<Path>, ExampleWatch.Saves> saves) {
        this.saves = saves;
    }

    @Override
    public Integer call() throws RuleLoadException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (minCoverage != null && (minCoverage.isNaN() || minCoverage < 0 || minCoverage > 100)) {
            err.println("--min-coverage: expected a percentage from 0 to 100, got " + minCoverage);
            return ExitCodes.BAD_INPUT;
        }
        if (watch) {
            List<Path> watched = new ArrayList<>(rules.folders());
            watched.addAll(paths);
            if (stores.given()) watched.add(stores.file().toAbsolutePath().getParent());
            UnchangedPacks packs = new UnchangedPacks();
            return new ExampleWatch(out, err, Words.of(TestCommand.class, language.language())).run(saves.apply(watched), () -> stores.given() ? run(stores.chain(rules), out, err)
                    : run(rules.engine(packs), out, err));
        }
        return stores.given() ? run(stores.chain(rules), out, err) : run(rules.engine(), out, err);
    }

    private int run(PolicyEngine engine, PrintWriter out, PrintWriter err) throws IOException {
        return run(ClaimBatches.Decider.of(engine), floorNames(List.of(engine)), out, err);
    }

    private int run(StoreEngine chain, PrintWriter out, PrintWriter err) throws IOException {
        return run(ClaimBatches.Decider.of(chain), floorNames(chain.stacks().stream().map(StoreEngine.Stack::engine).toList()), out, err);
    }

    /** The floors' names: their rules are the law's, never a pack's own (for {@code --coverage own}). */
    private static Set<String> floorNames(List<PolicyEngine> engines) {
        Set<String> names = new HashSet<>();
        for (PolicyEngine engine : engines) engine.floors().forEach(floor -> names.add(floor.name()));
        return names;
    }

    /** One run of every example: failures, then {@code N passed, N failed}, then the coverage when asked. */
    int run(ClaimBatches.Decider engine, Set<String> floors, PrintWriter out, PrintWriter err) throws IOException {
        Wording wording = language.wording(engine::wording);
        Words said = Words.of(TestCommand.class, language.language());
        Map<Locale, Wording> wordings = new HashMap<>();
        Function<Locale, Wording> words = locale -> wordings.computeIfAbsent(locale, engine::wording);
        boolean traced = coverage != null || minCoverage != null;
        Map<PackRule, Integer> firings = new LinkedHashMap<>();
        if (traced) {
            for (PackRule rule : engine.rules()) {
                if (coverage != CoverageScope.OWN || rule.own() && !floors.contains(rule.pack())) firings.put(rule, 0);
            }
        }
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
            Progress.count(examples.size(), examples.size() - claims.size());
            List<PolicyEngine.Result> results = new ArrayList<>(claims.size());
            if (traced) {
                for (PolicyEngine.Traced decided : engine.decideTraced(claims)) {
                    results.add(decided.result());
                    for (PackRule rule : decided.firedRules()) firings.computeIfPresent(rule, (counted, n) -> n + 1);
                }
            } else {
                results.addAll(engine.decideEach(claims));
            }
            int next = 0;
            for (Example example : examples) {
                if (example.error() != null) {
                    badInput = true;
                    failed++;
                    String problem = Printable.oneLine(example.where() + ": " + example.error());
                    out.println(said.render("test.error", Map.of("problem", problem)));
                    Progress.println(err, problem);
                    continue;
                }
                PolicyEngine.Result result = results.get(next++);
                if (result.isFailure()) {
                    rulesFailed = true;
                    failed++;
                    String problem = Printable.oneLine(example.where() + ": " + result.failure().getMessage());
                    out.println(said.render("test.error", Map.of("problem", problem)));
                    Progress.println(err, problem);
                    continue;
                }
                Decision decision = result.decision();
                List<Expectation.Difference> differences = example.expect().differences(decision, words);
                if (differences.isEmpty()) {
                    passed++;
                } else {
                    failed++;
                    printFailure(out, said, example, differences, wording.summary(decision));
                }
            }
        }
        out.println(said.render("test.passed", Map.of("passed", passed, "failed", failed)));
        boolean belowMinimum = traced && printCoverage(out, said, firings);
        out.flush();
        if (badInput || rulesFailed) return ExitCodes.BAD_INPUT;
        return failed == 0 && !belowMinimum ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** Every rule with the examples that fired it, the unfired ones last; returns true when below {@code --min-coverage}. */
    private boolean printCoverage(PrintWriter out, Words said, Map<PackRule, Integer> firings) {
        List<PackRule> unfired = new ArrayList<>();
        for (Map.Entry<PackRule, Integer> rule : firings.entrySet()) {
            int examples = rule.getValue();
            if (examples == 0) unfired.add(rule.getKey());
            else out.println(said.render("test.firedBy", Map.of("rule", describe(said, rule.getKey()), "examples", examples)));
        }
        for (PackRule rule : unfired) out.println(said.render("test.firedByNone", Map.of("rule", describe(said, rule))));
        int covered = firings.size() - unfired.size();
        out.println(said.render("test.covered", Map.of("covered", covered, "rules", firings.size())));
        double percent = firings.isEmpty() ? 100 : 100.0 * covered / firings.size();
        if (minCoverage != null && percent < minCoverage) {
            out.println(said.render("test.belowMinimum", Map.of("percent", String.format("%.1f", percent), "minimum", String.valueOf(minCoverage))));
            return true;
        }
        return false;
    }

    private static String describe(Words said, PackRule rule) {
        return Printable.oneLine(rule.article().isEmpty() ? said.render("test.rule", Map.of("where", rule.where(), "name", rule.name()))
                : said.render("test.ruleOfArticle", Map.of("where", rule.where(), "name", rule.name(), "article", rule.article())));
    }

    private static Example decidable(ClaimBatches.Decider engine, Example example) {
        if (example.claim() == null) return example;
        try {
            engine.check(example.claim());
            return example;
        } catch (BadInputException e) {
            return new Example(example.file(), example.line(), null, null, e.getMessage());
        }
    }

    private static void printFailure(PrintWriter out, Words said, Example example, List<Expectation.Difference> differences, String summary) {
        out.println(Printable.oneLine(said.render("test.fail", Map.of("id", example.claim().id(), "where", example.where()))));
        out.println(Printable.oneLine("  " + said.render("test.summary", Map.of("summary", summary))));
        out.printf(DIFF_ROW, said.get("test.field"), said.get("test.expected"), said.get("test.actual"));
        for (Expectation.Difference d : differences) {
            out.printf(DIFF_ROW, d.field(), Printable.oneLine(d.expected()), Printable.oneLine(d.actual()));
        }
    }
}
