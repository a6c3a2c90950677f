package io.policyengine.examples.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

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
}
