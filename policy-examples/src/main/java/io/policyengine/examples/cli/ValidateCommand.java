package io.policyengine.examples.cli;

import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.pipeline.Printable;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", description = {
        "Checks the rule files in DIR: every problem as FILE:LINE: message.",
        "Also warns about rules that cite no article or can never fire; warnings alone exit 0."})
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
        List<RuleProblem> problems = PolicyEngine.validate(dir);
        problems.forEach(problem -> out.println(Printable.oneLine(problem.toString())));
        long errors = problems.stream().filter(p -> !p.warning()).count();
        long warnings = problems.size() - errors;
        out.println(dir + ": " + (errors == 0 ? "valid" : errors + " error(s)") + (warnings == 0 ? "" : ", " + warnings + " warning(s)"));
        return errors == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
