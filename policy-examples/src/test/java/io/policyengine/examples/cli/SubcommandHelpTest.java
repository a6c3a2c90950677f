package io.policyengine.examples.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every subcommand, the launcher's bench included, answers {@code --help} with its usage and exit 0. */
class SubcommandHelpTest {

    @TestFactory
    Stream<DynamicTest> everySubcommandAnswersHelp() {
        Object bench = new BenchCommand();
        List<String> names = new ArrayList<>(PolicyCli.commandLine(new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getSubcommands().keySet());
        names.add("bench");
        assertThat(names).contains("decide", "validate", "test", "explain", "audit", "serve");
        return names.stream().map(name -> DynamicTest.dynamicTest(name + " --help", () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();

            int exit = PolicyCli.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err),
                    List.of(bench), name, "--help");

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).startsWith("Usage: policy " + name).contains("-h, --help");
            assertThat(err.toString()).isEmpty();
        }));
    }

    /**
     * Every description a user reads in {@code --help} is whole sentences: the command's, each option's and each
     * positional's, and every positional has one (a bare {@code FILE...} says nothing of what the files hold).
     */
    @TestFactory
    Stream<DynamicTest> everyDescriptionIsWholeSentences() {
        CommandLine cli = PolicyCli.commandLine(new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cli.addSubcommand(new BenchCommand());
        return cli.getSubcommands().values().stream().map(command -> DynamicTest.dynamicTest(command.getCommandName(), () -> {
            CommandSpec spec = command.getCommandSpec();
            assertWholeSentences(spec.name(), spec.usageMessage().description());
            for (CommandLine.Model.PositionalParamSpec positional : spec.positionalParameters()) {
                String name = spec.name() + " " + positional.paramLabel();
                assertThat(positional.description()).as(name + " has a description").isNotEmpty();
                assertWholeSentences(name, positional.description());
            }
            for (CommandLine.Model.OptionSpec option : spec.options()) {
                assertWholeSentences(spec.name() + " " + option.longestName(), option.description());
            }
        }));
    }

    /**
     * An option's help speaks only of options the command has: {@code --lang} on a command without {@code --stores}
     * (explain, due, report...) says nothing of a stores file, while {@code decide --help} still tells what
     * {@code --stores} does to the language.
     */
    @TestFactory
    Stream<DynamicTest> noHelpSpeaksOfAStoresOptionTheCommandHasNot() {
        CommandLine cli = PolicyCli.commandLine(new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cli.addSubcommand(new BenchCommand());
        assertThat(cli.getSubcommands().get("decide").getCommandSpec().findOption("--stores").description())
                .as("decide --stores says what it does to the language").anyMatch(line -> line.contains("--lang"));
        return cli.getSubcommands().values().stream()
                .filter(command -> command.getCommandSpec().findOption("--stores") == null)
                .map(command -> DynamicTest.dynamicTest(command.getCommandName(), () -> {
                    for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                        assertThat(String.join(" ", option.description()))
                                .as(command.getCommandName() + " " + option.longestName() + " has no --stores to speak of")
                                .doesNotContain("--stores");
                    }
                }));
    }

    /** {@code --help} shows each element of a description on a line of its own, the first alone in the command list. */
    private static void assertWholeSentences(String what, String[] description) {
        for (String line : description) {
            assertThat(line).as(what + ": a whole sentence, begun with a capital and ended with a full stop")
                    .matches("(?s)[A-Z'\\[(-].*[.?!][)'\"]?");
        }
    }
}
