package io.policyengine.examples.cli;

import io.policyengine.examples.command.OptionValues;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.access.CallersFile;
import io.policyengine.examples.access.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "token", description = {
        "Makes a new random token for a caller of serve --callers (contract 15), and prints two lines.",
        "The first line is the token: give it to the caller, it is not kept anywhere.",
        "The second line is the caller's line for the callers file, which keeps only the token's SHA-256."})
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "NAME",
            description = "The caller's name, as the decision log and the pages will show it: letters, digits and . _ @ -.")
    String name;
    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "counter",
            description = "What the caller may do: counter, manager or admin (default: ${DEFAULT-VALUE}).")
    String role;
    @Option(names = "--stores", paramLabel = "STORES", defaultValue = "*",
            description = "The stores the caller acts for, separated by ; or * for every store (default: ${DEFAULT-VALUE}).")
    String stores;

    @Override
    public Integer call() {
        String token = Tokens.newToken();
        String line;
        try {
            line = CallersFile.line(name, role, stores, token);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            if (message.startsWith("role: ")) message = "--" + message;
            else if (message.startsWith("stores: ")) message = "--" + message;
            else if (message.startsWith("name: ")) message = "NAME: " + message.substring("name: ".length());
            throw new OptionValues.OutOfRange(spec.commandLine(), message);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(token);
        out.println(line);
        return ExitCodes.OK;
    }
}
