package io.policyengine.examples.serve;

import com.sun.net.httpserver.HttpExchange;
import io.policyengine.examples.access.Caller;
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
    /** Whether callers sign in: the page then says who is signed in. */
    private final boolean signedIn;

    ReportEndpoint(DecisionLog log, Locale defaultLanguage, boolean signedIn) {
        this.log = log;
        this.signedIn = signedIn;
        this.defaultLanguage = defaultLanguage;
    }

    /** The report of the decisions of the stores {@code caller} may see: every store's for an admin (contract 15). */
    void handle(HttpExchange exchange, Caller caller) throws IOException {
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
            try (InputStream in = caller.allStores() ? Files.newInputStream(file)
                    : new StoreLines(Files.newInputStream(file), caller::mayActFor)) {
                reader.read(file.toString(), in);
            }
        }
        String page = ReportWriters.in(language).page(reader.report(), "/report");
        if (signedIn) page = withBar(page, SignIn.bar(caller, language));
        // a page for one caller's eyes: no cache in between may keep it for the next
        if (signedIn) exchange.getResponseHeaders().set("Cache-Control", "no-store");
        Http.send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page with the signed-in bar first in its body. The body's tag is looked for on a line of its own: the chart
     * library inlined in the head holds the text {@code <body} in its code, where the bar must not go.
     */
    static String withBar(String page, String bar) {
        int body = page.lastIndexOf("\n<body>\n");
        if (body < 0) throw new IllegalStateException("the report page has no <body> line");
        int after = body + "\n<body>\n".length();
        return page.substring(0, after) + bar + "\n" + page.substring(after);
    }
}
