package io.policyengine.examples.cli;

import io.policyengine.examples.command.LanguageOption;
import io.policyengine.examples.command.StoresOption;
import io.policyengine.examples.command.OptionValues;
import io.policyengine.examples.command.RulesOption;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.pipeline.DueList;
import io.policyengine.examples.pipeline.ClaimBatches;
import io.policyengine.model.BadInputException;
import io.policyengine.json.ClaimJson;
import io.policyengine.RuleLoadException;
import io.policyengine.model.Claim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

@Command(name = "due", description = {
        "Prints the store's to-do list over many claims: every open follow-up duty of every claim.",
        "Overdue duties come first, then the others by due date.",
        "A bad claim is reported as decide reports it, and the other claims are still listed."})
final class DueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    RulesOption rules;
    @Mixin
    StoresOption stores;
    @Mixin
    LanguageOption language;
    LocalDate asOf;

    /** Read as a claim's dates are, with their one-line messages (contract 17), not picocli's conversion text. */
    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The day the duties are judged on, for the claims that give no asOf (default: each claim's own).")
    void asOf(String text) {
        try {
            asOf = ClaimJson.date("--as-of", text);
        } catch (BadInputException e) {
            throw new OptionValues.OutOfRange(spec.commandLine(), e.getMessage());
        }
    }
    @Option(names = "--json", description = "Print one duty object per line (JSON Lines).")
    boolean json;
    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Claims: a claim object, a JSON array of claims or JSON Lines per file ('-' reads standard input).")
    List<String> files;

    private final InputStream stdin;

    DueCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws RuleLoadException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StoresOption.Deciding deciding = stores.deciding(rules, language);
        UnaryOperator<Claim> judged = asOf == null ? UnaryOperator.identity()
                : claim -> claim.asOf() != null ? claim : claim.toBuilder().asOf(asOf).build();
        // with --stores, each JSON line in its store's language; a table is in one language (--lang's), as decide's is
        try (DueList list = new DueList(deciding.wording(), json)) {
            // bad claims are reported as they are read, ahead of the list, which is complete only at the end
            boolean allGood = ClaimBatches.decide(deciding.decider(), files, stdin, judged, (item, decision) -> {
                if (decision == null) ClaimBatches.reportBadInput(item, out, err);
                else if (json) list.add(item.claim(), decision, deciding.wordings().apply(item.claim()));
                else list.add(item.claim(), decision);
            });
            if (!json) out.println(list.header());
            list.write(out::println);
            return allGood ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
    }
}
