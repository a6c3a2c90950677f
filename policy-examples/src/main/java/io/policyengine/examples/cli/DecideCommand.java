package io.policyengine.examples.cli;

import io.policyengine.examples.command.RulesOption;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.pipeline.DecisionLines;
import io.policyengine.examples.pipeline.ClaimBatches;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.StoreEngine;
import io.policyengine.Wording;
import io.policyengine.model.Claim;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

@Command(name = "decide", description = {
        "Decides every claim in the files ('-' reads standard input).",
        "A file holds one claim object, a JSON array of claims, or JSON Lines."})
final class DecideCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    RulesOption rules;
    @Mixin
    StoresOption stores;
    @Mixin
    LanguageOption language;
    @Option(names = "--json", description = "Print one decision object per line (JSON Lines).")
    boolean json;
    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Claims: a claim object, a JSON array of claims or JSON Lines per file ('-' reads standard input).")
    List<String> files;

    private final InputStream stdin;

    DecideCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws RuleLoadException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClaimBatches.Decider engine;
        Function<Claim, Wording> wordings;
        Wording wording;
        if (stores.given()) {
            StoreEngine chain = stores.chain(rules);
            engine = ClaimBatches.Decider.of(chain);
            wordings = StoresOption.wordings(chain, language);
            wording = language.wording(chain::wording); // the table's: one language for every row
        } else {
            PolicyEngine one = rules.engine();
            engine = ClaimBatches.Decider.of(one);
            wording = language.wording(one);
            wordings = claim -> wording;
        }
        if (json) {
            boolean allGood = ClaimBatches.decide(engine, files, stdin, UnaryOperator.identity(),
                    decided -> DecisionLines.write(decided, wordings), lines -> lines.sendTo(out, err));
            out.flush();
            return allGood ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
        DecisionTable table = new DecisionTable(out, wording);
        table.header();
        boolean allGood = ClaimBatches.decide(engine, files, stdin, (item, decision) -> {
            if (decision == null) ClaimBatches.reportBadInput(item, out, err);
            else table.row(decision);
        });
        return allGood ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
