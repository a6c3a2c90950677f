package io.policyengine.examples.cli;

import io.policyengine.examples.report.DecisionRecord;
import io.policyengine.examples.report.StoreRegions;
import io.policyengine.examples.command.LanguageOption;
import io.policyengine.examples.command.StoresOption;
import io.policyengine.examples.command.OptionValues;
import io.policyengine.examples.command.RulesOption;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.pipeline.Progress;
import java.time.LocalDate;
import io.policyengine.model.BadInputException;
import io.policyengine.json.ClaimJson;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.StoresFile;
import io.policyengine.examples.report.MonthOfClaims;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

@Command(name = "generate-log", description = {
        "Prints a decision log (the lines of serve --decision-log) for a made-up month of claims at an electronics store.",
        "The claims are decided by the rules, and one product's fault keeps coming back. The same --seed gives the same log.",
        "With --stores, each claim is made at one of the file's stores and decided by that store's pack and floors."})
final class GenerateLogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    RulesOption rules;
    @Mixin
    StoresOption stores;
    @Mixin
    LanguageOption language;
    YearMonth month = YearMonth.of(2026, 6);

    /** Read by hand: picocli's own conversion would answer a month 13 with Java's exception text. */
    @Option(names = "--month", paramLabel = "YYYY-MM", defaultValue = "2026-06",
            description = "The month of the claims (default: ${DEFAULT-VALUE}).")
    void month(String text) {
        try {
            LocalDate first = ClaimJson.date("--month", text + "-01");
            month = YearMonth.from(first);
        } catch (BadInputException e) {
            throw new OptionValues.OutOfRange(spec.commandLine(), "--month: expected a month YYYY-MM from 0001-01 to "
                    + LAST_MONTH + ", got \"" + text + "\"");
        }
    }

    @Option(names = "--per-day", paramLabel = "N", defaultValue = "10",
            description = "About how many claims a day, 1 to " + MAX_PER_DAY + " (default: ${DEFAULT-VALUE}).")
    int perDay;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the made-up month (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Claims a day at most: a month of 3 million log lines, written as they are decided, a day at a time. */
    static final int MAX_PER_DAY = 100_000;
    private static final String LAST_MONTH = "8999-12";
    private static final long STORES_SALT = 0x5703E5L;

    @Override
    public Integer call() throws RuleLoadException {
        OptionValues.atLeast(spec, "--per-day", perDay, 1);
        OptionValues.atMost(spec, "--per-day", perDay, MAX_PER_DAY);
        PrintWriter out = spec.commandLine().getOut();
        StoresOption.Deciding deciding = stores.deciding(rules, language);
        List<String> storeIds = deciding.chain() != null ? deciding.chain().rows().stream().map(StoresFile.Row::store)
                .filter(store -> !store.equals(StoresFile.ANY_STORE)).toList() : List.of();
        StoreRegions regions = deciding.chain() == null ? null : StoreRegions.of(deciding.chain().rows());
        Random ids = new Random(seed);
        // a stream of its own: the month's claims are the same with and without --stores, but for their store
        Random at = new Random(seed ^ STORES_SALT);
        ByteArrayOutputStream line = new ByteArrayOutputStream(2048);
        int[] logged = {0};
        // a day at a time (contract 17): memory holds one day's claims, whatever the month's size
        MonthOfClaims.forEachDay(month, perDay, seed, made -> {
            List<Claim> claims = storeIds.isEmpty() ? made : made.stream()
                    .map(claim -> claim.toBuilder().store(storeIds.get(at.nextInt(storeIds.size()))).build()).toList();
            List<PolicyEngine.Result> decisions = deciding.decider().decideEach(claims);
            for (int d = 0; d < claims.size(); d++) {
                Claim claim = claims.get(d);
                if (decisions.get(d).isFailure()) throw decisions.get(d).failure();
                Decision decision = decisions.get(d).decision();
                int i = logged[0]++;
                // logged during the claim's day, in the order the claims came
                var time = claim.claimDate().atTime(LocalTime.of(9, 0)).plusSeconds(i % 600 * 53L).toInstant(ZoneOffset.UTC);
                line.reset();
                DecisionRecord.write(line, new UUID(ids.nextLong(), ids.nextLong()).toString(), time, claim,
                        regions == null ? null : regions.of(claim.store()), decision,
                        DecisionJson.toJson(decision, deciding.wordings().apply(claim)));
                out.print(line.toString(StandardCharsets.UTF_8));
            }
            out.flush();
            Progress.count(claims.size(), 0);
        });
        return ExitCodes.OK;
    }
}
