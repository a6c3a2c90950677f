package io.policyengine.examples.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.Wording;
import io.policyengine.examples.report.MonthOfClaims;
import io.policyengine.examples.serve.DecisionLog;
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
        "Prints a decision log (the lines of serve --decision-log) for a made-up month of claims at an electronics store,",
        "decided by the rules; one product's fault keeps coming back. The same --seed gives the same log."})
final class GenerateLogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    RulesOption rules;
    @Mixin
    LanguageOption language;
    @Option(names = "--month", paramLabel = "YYYY-MM", defaultValue = "2026-06",
            description = "The month of the claims (default: ${DEFAULT-VALUE}).")
    YearMonth month;
    @Option(names = "--per-day", paramLabel = "N", defaultValue = "10",
            description = "About how many claims a day, 1 or more (default: ${DEFAULT-VALUE}).")
    int perDay;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the made-up month (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws RuleLoadException {
        OptionValues.atLeast(spec, "--per-day", perDay, 1);
        PrintWriter out = spec.commandLine().getOut();
        PolicyEngine engine = rules.engine();
        Wording wording = language.wording(engine);
        List<Claim> claims = MonthOfClaims.of(month, perDay, seed);
        List<Decision> decisions = engine.decideAll(claims);
        Random ids = new Random(seed);
        ByteArrayOutputStream line = new ByteArrayOutputStream(2048);
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            Decision decision = decisions.get(i);
            // logged during the claim's day, in the order the claims came
            var time = claim.claimDate().atTime(LocalTime.of(9, 0)).plusSeconds(i % 600 * 53L).toInstant(ZoneOffset.UTC);
            line.reset();
            DecisionLog.line(line, new UUID(ids.nextLong(), ids.nextLong()).toString(), time, claim, decision,
                    DecisionJson.toJson(decision, wording));
            out.print(line.toString(StandardCharsets.UTF_8));
            Progress.count(1, 0);
        }
        return ExitCodes.OK;
    }
}
