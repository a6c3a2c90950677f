package io.policyengine.examples.cli;

import io.policyengine.examples.pipeline.Progress;
import io.policyengine.examples.command.LanguageOption;
import io.policyengine.examples.command.OptionValues;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.report.Period;
import io.policyengine.examples.report.Report;
import io.policyengine.examples.report.ReportReader;
import io.policyengine.examples.report.ReportWriters;
import io.policyengine.examples.report.StoreRegions;
import io.policyengine.examples.report.Targets;
import io.policyengine.RuleLoadException;
import io.policyengine.StoresFile;
import io.policyengine.json.ClaimSource;
import io.policyengine.model.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.Callable;

@Command(name = "report", description = {
        "Reads decision logs (serve --decision-log, or generate-log; '-' reads standard input) and reports the service figures.",
        "The figures come per day, week or month and for the whole log, with the early warnings of recurring faults and the periods that missed the plan."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--by", paramLabel = "PERIOD", defaultValue = "month",
            description = "Group the decisions by their claim date: day, week (ISO, Monday first) or month (default: ${DEFAULT-VALUE}).")
    String by;
    @Option(names = "--targets", paramLabel = "FILE", description = "Plan values, one 'figure value' line each (requestsMet 98%%, onSiteLate 5%%).")
    Path targetsFile;
    @Option(names = "--per", paramLabel = "GROUP",
            description = "Also give every figure per store or per region over the whole log, worst first on requests met: store or region.")
    String per;
    @Option(names = "--stores", paramLabel = "FILE",
            description = "A chain's stores file (store,region,pack,floors,lang): the region of each store whose log lines do not name one.")
    Path stores;
    @Option(names = "--warn-at", paramLabel = "N", defaultValue = "3",
            description = "Warn of a SKU and fault with at least N quality-defect claims within 30 days (default: ${DEFAULT-VALUE}).")
    int warnAt;
    @Mixin
    LanguageOption language;
    @Option(names = "--json", description = "Print the report as one JSON document.")
    boolean json;
    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as one self-contained web page with charts.")
    Path html;
    @Parameters(arity = "1..*", paramLabel = "LOG",
            description = "Decision logs, as serve --decision-log and generate-log write them ('-' reads standard input).")
    List<String> logs;

    private final InputStream stdin;

    ReportCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws IOException, RuleLoadException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Period period = Period.named(by);
        if (period == null) throw new BadInputException("--by", "expected day, week or month, got \"" + by + "\"");
        OptionValues.atLeast(spec, "--warn-at", warnAt, 1);
        Report.Per grouping = per == null ? null : Report.Per.named(per);
        if (per != null && grouping == null) throw new BadInputException("--per", "expected store or region, got \"" + per + "\"");
        Function<String, String> regionOfStore = stores == null ? store -> null : StoreRegions.of(StoresFile.read(stores).rows())::of;
        ReportWriters writers = ReportWriters.in(language.locale());
        Targets targets;
        try {
            targets = targetsFile == null ? Targets.NONE : Targets.read(targetsFile);
        } catch (Targets.BadTargets e) {
            e.problems().forEach(err::println);
            return ExitCodes.BAD_INPUT;
        }
        ReportReader reader = new ReportReader(period, warnAt, targets, grouping, regionOfStore,
                (source, line, problem) -> Progress.println(err, source + ":" + line + ": " + problem));
        boolean allRead = true;
        for (String log : logs) {
            if (log.equals(ClaimSource.STDIN)) {
                reader.read("<stdin>", stdin);
                continue;
            }
            try (InputStream in = Files.newInputStream(Path.of(log))) {
                reader.read(log, in);
            } catch (NoSuchFileException e) {
                err.println(log + ": no such file");
                allRead = false;
            } catch (IOException e) {
                err.println(log + ": cannot read: " + e.getMessage());
                allRead = false;
            }
        }
        Report report = reader.report();
        if (json) writers.json(report, out);
        else writers.text(report, out);
        if (html != null) {
            try {
                Files.writeString(html, writers.page(report, null));
            } catch (IOException e) {
                err.println(html + ": cannot write: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
        return allRead && report.badLines() == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
