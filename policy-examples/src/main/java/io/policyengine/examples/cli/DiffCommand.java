package io.policyengine.examples.cli;

import io.policyengine.examples.command.LanguageOption;
import io.policyengine.examples.command.RulesOption;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.pipeline.Printable;
import io.policyengine.examples.pipeline.ClaimBatches;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.StoreEngine;
import io.policyengine.StoresFile;
import io.policyengine.examples.words.Words;
import io.policyengine.Wording;
import io.policyengine.check.ExampleFiles;
import io.policyengine.json.ClaimSource;
import io.policyengine.model.Claim;
import io.policyengine.model.PolicyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "diff", description = {
        "Shows which claims two rule sets decide differently.",
        "Decides every claim in the files under OLD_DIR's rules and under NEW_DIR's and reports how many decisions "
                + "change (outcome, remedies, repair due date, commitments, compensation), grouped by old -> new outcome and by "
                + "the rules that fired under one side only, with example claim ids.",
        "With --stores, each claim is decided by its store's stack, once as the stores file says and once with NEW_DIR "
                + "wherever a row names OLD_DIR, and the changes are also counted by store."})
final class DiffCommand implements Callable<Integer> {
    private static final int EXAMPLE_IDS = 3;

    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "OLD_DIR",
            description = "The rules decided with today (with --stores, a pack as the stores file's rows name it: a folder, or a bundled pack's name).")
    Path oldDir;
    @Parameters(index = "1", paramLabel = "NEW_DIR", description = "The edited rules.")
    Path newDir;
    @Parameters(index = "2..*", arity = "1..*", paramLabel = "FILE",
            description = "Claims as decide reads them ('-' reads standard input), or folders of *.jsonl files such as example folders.")
    List<String> files;
    @Option(names = "--floor", paramLabel = "NAME_OR_DIR",
            description = "A statutory floor under both sides (repeatable): a bundled name such as cn-consumer-law, or a folder.")
    List<String> floors = new ArrayList<>();
    @Option(names = "--old-floor", paramLabel = "NAME_OR_DIR", description = "A floor under OLD_DIR only (repeatable).")
    List<String> oldFloors = new ArrayList<>();
    @Option(names = "--new-floor", paramLabel = "NAME_OR_DIR", description = "A floor under NEW_DIR only (repeatable).")
    List<String> newFloors = new ArrayList<>();
    @Option(names = "--stores", paramLabel = "FILE",
            description = "A chain's stores file: each claim is decided by its store's pack and floors, with NEW_DIR in place of "
                    + "OLD_DIR on the new side. In place of the floor options.")
    Path stores;
    @Mixin
    LanguageOption language;
    @Option(names = "--json", description = "Print every changed claim as one JSON object per line, with both decisions.")
    boolean json;
    @Option(names = "--fail-on-change", description = "Exit 1 when any decision changed (for CI on a policy repository).")
    boolean failOnChange;

    private final InputStream stdin;

    DiffCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Claims that changed in the same way: how many, and the first few ids. */
    private static final class Tally {
        int claims;
        final List<String> examples = new ArrayList<>(EXAMPLE_IDS);

        void add(String claimId) {
            if (claims++ < EXAMPLE_IDS) examples.add(claimId);
        }
    }

    @Override
    public Integer call() throws RuleLoadException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String usage = usageProblem();
        if (usage != null) {
            err.println(usage);
            return ExitCodes.BAD_INPUT;
        }
        ClaimBatches.Decider before;
        ClaimBatches.Decider after;
        String title;
        if (stores != null) {
            StoreEngine chain = PolicyEngine.forStores(stores);
            StoreEngine edited;
            try {
                edited = chain.withPack(oldDir.toString(), newDir);
            } catch (IllegalArgumentException e) {
                err.println(Printable.oneLine("OLD_DIR: " + e.getMessage()));
                return ExitCodes.BAD_INPUT;
            }
            before = ClaimBatches.Decider.of(chain);
            after = ClaimBatches.Decider.of(edited);
            title = words().render("diff.stores", Map.of("file", stores.toString(), "old", oldDir.toString(), "new", newDir.toString(),
                    "stores", storesNaming(chain, edited)));
        } else {
            PolicyEngine oldStack = side(oldDir, oldFloors);
            PolicyEngine newStack = side(newDir, newFloors);
            before = ClaimBatches.Decider.of(oldStack);
            after = ClaimBatches.Decider.of(newStack);
            title = words().render("diff.title", Map.of("old", describe(oldStack), "oldDir", oldDir.toString(),
                    "new", describe(newStack), "newDir", newDir.toString()));
        }
        Wording oldWording = language.wording(before::wording);
        Wording newWording = language.wording(after::wording);
        Comparison comparison = new Comparison(before, after, true);

        long[] claimsCompared = {0};
        long[] changed = {0};
        Map<Comparison.Aspect, Long> byAspect = new LinkedHashMap<>();
        for (Comparison.Aspect aspect : Comparison.Aspect.values()) byAspect.put(aspect, 0L);
        Map<String, Tally> byOutcome = new LinkedHashMap<>();
        Map<String, Tally> byRule = new LinkedHashMap<>();
        Map<String, Tally> byStore = new LinkedHashMap<>();
        boolean allGood = ClaimBatches.inBatches(inputs(), stdin, Math.max(ClaimBatches.batchOf(before), ClaimBatches.batchOf(after)),
                item -> ClaimBatches.decidable(after, ClaimBatches.decidable(before, item)),
                batch -> {
                    // on a worker: both sides decide the batch's claims
                    List<Claim> claims = new ArrayList<>(batch.size());
                    for (ClaimSource.Item item : batch) {
                        if (item.claim() != null) claims.add(item.claim());
                    }
                    Map<Claim, Comparison.Change> changes = new IdentityHashMap<>();
                    comparison.compare(claims, change -> changes.put(change.claim(), change));
                    return new Compared(batch, claims.size(), changes);
                },
                compared -> {
                    List<ClaimSource.Item> batch = compared.items();
                    Map<Claim, Comparison.Change> changes = compared.changes();
                    claimsCompared[0] += compared.claims();
                    for (ClaimSource.Item item : batch) {
                        if (item.claim() == null) {
                            if (json) ClaimBatches.reportBadInput(item, out, err);
                            else ClaimBatches.reportOnStderr(item, err);
                            continue;
                        }
                        Comparison.Change change = changes.get(item.claim());
                        if (change == null) continue;
                        changed[0]++;
                        change.aspects().forEach(a -> byAspect.merge(a, 1L, Long::sum));
                        String id = change.claim().id();
                        byOutcome.computeIfAbsent(change.before().outcome() + " -> " + change.after().outcome(), k -> new Tally()).add(id);
                        change.onlyOld().forEach(rule -> byRule.computeIfAbsent("- " + rule, k -> new Tally()).add(id));
                        change.onlyNew().forEach(rule -> byRule.computeIfAbsent("+ " + rule, k -> new Tally()).add(id));
                        if (stores != null) {
                            String store = change.claim().store() == null ? StoresFile.ANY_STORE : change.claim().store();
                            byStore.computeIfAbsent(store, k -> new Tally()).add(id);
                        }
                        if (json) out.println(ChangeJson.toJson(item, change, oldWording, newWording));
                    }
                    return true;
                });
        if (!json) print(out, title, claimsCompared[0], changed[0], byAspect, byOutcome, byRule, byStore);
        if (!allGood) return ExitCodes.BAD_INPUT;
        return failOnChange && changed[0] > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** A batch's items, how many of them are claims, and the changes among those claims, found on a worker. */
    private record Compared(List<ClaimSource.Item> items, int claims, Map<Claim, Comparison.Change> changes) {
    }

    /** A missing or unreadable folder, or both sides the same: one line, or null when the sides can be compared. */
    private String usageProblem() {
        if (stores != null) {
            if (!floors.isEmpty() || !oldFloors.isEmpty() || !newFloors.isEmpty()) {
                return "--stores: the stores file names each store's floors; leave out --floor, --old-floor and --new-floor";
            }
            // OLD_DIR may be a bundled pack's name as the rows write it; the stores file says whether a row names it
            return folderProblem("NEW_DIR", newDir);
        }
        String problem = folderProblem("OLD_DIR", oldDir);
        if (problem == null) problem = folderProblem("NEW_DIR", newDir);
        if (problem != null) return problem;
        try {
            if (Files.isSameFile(oldDir, newDir) && oldFloors.equals(newFloors)) {
                return "OLD_DIR and NEW_DIR are the same folder (" + newDir + ") with the same floors: nothing to compare";
            }
        } catch (IOException e) {
            return "cannot read " + oldDir + " or " + newDir + ": " + e.getMessage();
        }
        return null;
    }

    /** The files as given, each folder replaced by the {@code .jsonl} files under it. */
    private List<String> inputs() {
        List<String> inputs = new ArrayList<>();
        for (String file : files) {
            Path path = ClaimSource.STDIN.equals(file) ? null : Path.of(file);
            if (path == null || !Files.isDirectory(path)) {
                inputs.add(file);
                continue;
            }
            try {
                for (Path found : ExampleFiles.find(List.of(path))) inputs.add(found.toString());
            } catch (IOException e) {
                inputs.add(file); // read as a file, it reports itself as one bad input
            }
        }
        return inputs;
    }

    private static String folderProblem(String name, Path dir) {
        if (!Files.exists(dir)) return name + ": no such folder: " + dir;
        if (!Files.isDirectory(dir)) return name + ": not a folder: " + dir;
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) return name + ": cannot read folder: " + dir;
        return null;
    }

    private PolicyEngine side(Path dir, List<String> ownFloors) throws RuleLoadException {
        PolicyEngine engine = PolicyEngine.load(dir);
        List<String> all = new ArrayList<>(floors);
        all.addAll(ownFloors);
        for (String floor : all) engine = engine.withFloor(RulesOption.floor(floor));
        return engine;
    }

    private void print(PrintWriter out, String title, long compared, long changed, Map<Comparison.Aspect, Long> byAspect,
                       Map<String, Tally> byOutcome, Map<String, Tally> byRule, Map<String, Tally> byStore) {
        out.println(title);
        Words words = words();
        out.println(words.render("diff.compared", Map.of("compared", String.format("%,d", compared), "count", compared,
                "changed", String.format("%,d", changed), "percent", String.format("%.1f", 100.0 * changed / Math.max(1, compared)))));
        if (changed == 0) return;
        out.println("  " + byAspect.entrySet().stream().map(a -> a.getKey().field + " " + a.getValue())
                .collect(Collectors.joining(", ")));
        out.println();
        out.println(words.get("diff.byOutcome"));
        printTallies(out, words, byOutcome);
        if (!byRule.isEmpty()) {
            out.println();
            out.println(words.get("diff.byRule"));
            printTallies(out, words, byRule);
        }
        if (!byStore.isEmpty()) {
            out.println();
            out.println(words.get("diff.byStore"));
            printTallies(out, words, byStore);
        }
    }

    /** The diff's own words in {@code --lang}'s language (words.LANG.properties). */
    private Words words() {
        return Words.of(DiffCommand.class, language.language());
    }

    /** The stores whose stack changes: those whose row names OLD_DIR, or that of the * row. */
    private static String storesNaming(StoreEngine chain, StoreEngine edited) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < chain.stacks().size(); i++) {
            StoreEngine.Stack old = chain.stacks().get(i);
            StoreEngine.Stack fresh = edited.stacks().get(i);
            if (!old.engine().policy().equals(fresh.engine().policy()) || !old.engine().floors().equals(fresh.engine().floors())) {
                changed.addAll(old.stores());
            }
        }
        return String.join(", ", changed);
    }

    private static void printTallies(PrintWriter out, Words words, Map<String, Tally> tallies) {
        List<Map.Entry<String, Tally>> rows = new ArrayList<>(tallies.entrySet());
        rows.sort(Comparator.comparing((Map.Entry<String, Tally> e) -> -e.getValue().claims).thenComparing(Map.Entry::getKey));
        int width = rows.stream().mapToInt(e -> e.getKey().length()).max().orElse(0);
        for (Map.Entry<String, Tally> row : rows) {
            Tally tally = row.getValue();
            out.printf("  %-" + width + "s  %,9d %s%n", row.getKey(), tally.claims, words.render("diff.tally", Map.of("claims", tally.claims,
                    "examples", tally.examples.stream().map(Printable::oneLine).collect(Collectors.joining(words.get("diff.exampleList"))))));
        }
    }

    private String describe(PolicyEngine engine) {
        PolicyId store = engine.policy();
        String floors = engine.floors().stream().map(f -> f.name() + " " + f.version()).collect(Collectors.joining(", "));
        String pack = store.name() + " " + store.version();
        return floors.isEmpty() ? pack : words().render("diff.withFloors", Map.of("pack", pack, "floors", floors));
    }
}
