package io.policyengine.examples.cli;

import io.policyengine.examples.command.LanguageOption;
import io.policyengine.examples.command.StoresOption;
import io.policyengine.examples.command.RulesOption;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.pipeline.DecisionLines;
import io.policyengine.examples.pipeline.ClaimBatches;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
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
        StoresOption.Deciding deciding = stores.deciding(rules, language);
        ClaimBatches.Decider engine = deciding.decider();
        if (json) {
            boolean allGood = ClaimBatches.decide(engine, files, stdin, UnaryOperator.identity(),
                    decided -> DecisionLines.write(decided, deciding.wordings()), lines -> lines.sendTo(out, err));
            out.flush();
            return allGood ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
        DecisionTable table = new DecisionTable(out, deciding.wording());
        table.header();
        boolean allGood = ClaimBatches.decide(engine, files, stdin, (item, decision) -> {
            if (decision == null) ClaimBatches.reportBadInput(item, out, err);
            else table.row(decision);
        });
        return allGood ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
