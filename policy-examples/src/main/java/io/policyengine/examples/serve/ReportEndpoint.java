package io.policyengine.examples.serve;

import com.sun.net.httpserver.HttpExchange;
import io.policyengine.examples.report.Period;
import io.policyengine.examples.report.Report;
import io.policyengine.examples.report.ReportReader;
import io.policyengine.examples.report.ReportWriters;
import io.policyengine.examples.report.Targets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code GET /report?by=day|week|month&per=store|region&lang=...}: the service report (contract 13, 14.3) of this
 * service's own decision log, as the page {@code ./policy report --html} writes, with links to switch period, grouping
 * and language. Read afresh on every request; a line still being appended is left for the next one.
 */
final class ReportEndpoint {
    private final DecisionLog log;
    private final Locale defaultLanguage;

    ReportEndpoint(DecisionLog log, Locale defaultLanguage) {
        this.log = log;
        this.defaultLanguage = defaultLanguage;
    }

    void handle(HttpExchange exchange) throws IOException {
        String by = Http.queryParameter(exchange, "by");
        Period period = by == null ? Period.MONTH : Period.named(by);
        if (period == null) throw new HttpError(400, "by: expected day, week or month, got \"" + by + "\"");
        String per = Http.queryParameter(exchange, "per");
        Report.Per grouping = per == null ? null : Report.Per.named(per);
        if (per != null && grouping == null) throw new HttpError(400, "per: expected store or region, got \"" + per + "\"");
        Locale language = Languages.requested(exchange, defaultLanguage);
        // the regions are those the log's lines name (a service with a stores file writes them)
        ReportReader reader = new ReportReader(period, 3, Targets.NONE, grouping, store -> null, (source, line, problem) -> { }).completeLinesOnly();
        Path file = log.path();
        if (file != null && Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                reader.read(file.toString(), in);
            }
        }
        String page = ReportWriters.in(language).page(reader.report(), "/report");
        Http.send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }
}
