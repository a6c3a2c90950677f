package io.policyengine.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Stack;

/** Which rules {@code test --coverage} counts (contract 14.1): the whole composed pack, or the pack's own files only. */
enum CoverageScope {
    ALL, OWN;

    /**
     * Takes {@code own} or {@code all} after {@code --coverage} when one follows, and leaves anything else (an example
     * folder) to the positional parameters: picocli's optional parameter would take the folder as the scope.
     */
    static final class Consumer implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            CoverageScope scope = ALL;
            if (!args.isEmpty()) {
                String next = args.peek();
                String value = next.startsWith("--coverage=") ? next.substring("--coverage=".length()) : next;
                for (CoverageScope each : values()) {
                    if (each.name().equalsIgnoreCase(value)) {
                        scope = each;
                        args.pop();
                    }
                }
            }
            argSpec.setValue(scope);
        }
    }
}
