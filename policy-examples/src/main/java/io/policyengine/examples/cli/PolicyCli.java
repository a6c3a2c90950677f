package io.policyengine.examples.cli;

import io.policyengine.examples.command.OptionValues;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.pipeline.Printable;
import io.policyengine.examples.pipeline.Progress;
import io.policyengine.RuleFailureException;
import io.policyengine.RuleLoadException;
import io.policyengine.model.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.policyengine.examples.serve.ServeCommand;
import io.policyengine.text.Language;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code policy} command line: {@code decide}, {@code validate}, {@code test}, {@code explain}, {@code due}, ...
 * Writes only to the writers it is given, so tests run it like {@code main} does.
 */
// scope INHERIT: every subcommand answers --help (and --version), the launcher's bench included
@Command(name = "policy", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "policy-engine 0.1.0",
        description = "Decides warranty and return claims with policy rule files.",
        subcommands = {DecideCommand.class, ValidateCommand.class, TestCommand.class, ExplainCommand.class, AuditCommand.class,
                DiffCommand.class, ServeCommand.class, ReportCommand.class, GenerateLogCommand.class, DueCommand.class, TokenCommand.class})
public final class PolicyCli {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyCli.class);

    private PolicyCli() {
    }

    /** The command line, ready for more subcommands (the launcher adds its own). */
    public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PolicyCli(), new Factory(in));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            err.println(oneLine(e));
            LOG.debug("command failed", e);
            return ExitCodes.BAD_INPUT;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            err.println(Printable.oneLine(e.getMessage()));
            if (e instanceof OptionValues.OutOfRange) return ExitCodes.BAD_INPUT;
            e.getCommandLine().usage(err);
            return ExitCodes.BAD_INPUT;
        });
        return cli;
    }

    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        return run(in, out, err, List.of(), args);
    }

    /** Runs with more subcommands, such as the launcher's {@code bench}. */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, List<Object> moreCommands, String... args) {
        try {
            CommandLine cli = commandLine(in, out, err);
            moreCommands.forEach(cli::addSubcommand);
            // settings reach only the subcommands already added: give them to the ones just added too
            cli.setOut(out);
            cli.setErr(err);
            cli.setExecutionExceptionHandler(cli.getExecutionExceptionHandler());
            cli.setParameterExceptionHandler(cli.getParameterExceptionHandler());
            cli.setExecutionStrategy(parsed -> withProgress(parsed, err));
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The commands that go through many claims: on a terminal they show how far they got (see {@link Progress}). */
    private static final Set<String> LONG_WORK = Set.of("decide", "due", "diff", "report", "test", "generate-log");

    private static int withProgress(CommandLine.ParseResult parsed, PrintWriter err) {
        CommandLine.ParseResult command = parsed.subcommand();
        if (!Progress.TERMINAL || command == null || command.isUsageHelpRequested() || command.isVersionHelpRequested()
                || !LONG_WORK.contains(command.commandSpec().name())) {
            return new CommandLine.RunLast().execute(parsed);
        }
        Language language = Language.ofTag(command.matchedOptionValue("--lang", Language.EN.tag())).orElse(Language.EN);
        try (Progress progress = Progress.start(command.commandSpec().name(), err, language)) {
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    /** The one line a user sees for a failure (one per problem of broken rules): never a stack trace. */
    static String oneLine(Exception e) {
        if (e instanceof RuleLoadException load) {
            return load.problems().stream().map(p -> p.toString().replaceAll("\\s+", " "))
                    .collect(Collectors.joining(System.lineSeparator()));
        }
        if (e instanceof BadInputException || e instanceof RuleFailureException) {
            return e.getMessage().replaceAll("\\s+", " ");
        }
        String message = e.getMessage() == null ? "an unexpected error (run with -Dorg.slf4j.simpleLogger.defaultLogLevel=debug for details)"
                : e.getMessage();
        return "error: " + message.replaceAll("\\s+", " ");
    }

    /** Hands standard input to the commands that read it. */
    private record Factory(InputStream in) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == DecideCommand.class) return type.cast(new DecideCommand(in));
            if (type == ExplainCommand.class) return type.cast(new ExplainCommand(in));
            if (type == DiffCommand.class) return type.cast(new DiffCommand(in));
            if (type == DueCommand.class) return type.cast(new DueCommand(in));
            if (type == ReportCommand.class) return type.cast(new ReportCommand(in));
            return CommandLine.defaultFactory().create(type);
        }
    }
}
