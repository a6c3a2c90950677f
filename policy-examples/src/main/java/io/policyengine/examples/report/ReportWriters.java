package io.policyengine.examples.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.policyengine.model.Outcome;
import io.policyengine.text.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link Report} as text, as one JSON document, or as one self-contained web page, in one language. */
public final class ReportWriters {
    private static final JsonFactory JSON = new JsonFactory();
    /** ECharts' build of the common charts (line, bar), from its web jar; inlined into every page, no other host. */
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.common.min.js";
    private static final String[] FIGURES = {"claims", "byOutcome", "requestsMet", "refusals", "refunded", "depreciationKept",
            "compensation", "onSiteLate", "repeatRepairs", "overdueDuties"};

    private final ReportWords words;

    private ReportWriters(ReportWords words) {
        this.words = words;
    }

    /** Writers in {@code language}: English, or Chinese for any zh-CN locale. */
    public static ReportWriters in(Locale language) {
        return new ReportWriters(ReportWords.of(Language.of(language).orElse(Language.EN)));
    }

    // ---------------------------------------------------------------- JSON

    /** The report as one JSON document (contract 13), keys as the contract names the figures. */
    public void json(Report report, Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeJson(json, report);
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    String json(Report report) {
        StringWriter out = new StringWriter();
        try {
            json(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString().strip();
    }

    private void writeJson(JsonGenerator json, Report report) throws IOException {
        List<Report.Verdict> verdicts = report.verdicts();
        json.writeStartObject();
        json.writeStringField("by", report.by.option());
        json.writeNumberField("warnAt", report.warnAt);
        json.writeNumberField("lines", report.lines);
        json.writeNumberField("badLines", report.badLines);
        json.writeStringField("perBy", report.per == null ? null : report.per.option());
        json.writeFieldName("whole");
        json.writeStartObject();
        json.writeStringField("from", report.periods.isEmpty() ? null : report.periods.firstKey().toString());
        json.writeStringField("to", report.periods.isEmpty() ? null : report.end().toString());
        json.writeStringField("firstClaimDate", report.periods.isEmpty() ? null : report.firstClaimDate.toString());
        json.writeStringField("lastClaimDate", report.periods.isEmpty() ? null : report.lastClaimDate.toString());
        writeFigures(json, report.whole, report.end());
        json.writeArrayFieldStart("missedTargets");
        for (Report.Verdict verdict : verdicts) if (verdict.wholeMissed()) json.writeString(verdict.plan().figure().name());
        json.writeEndArray();
        json.writeEndObject();
        json.writeArrayFieldStart("periods");
        for (Map.Entry<LocalDate, Figures> period : report.periods.entrySet()) {
            LocalDate end = report.by.end(period.getKey());
            json.writeStartObject();
            json.writeStringField("period", report.by.label(period.getKey()));
            json.writeStringField("from", period.getKey().toString());
            json.writeStringField("to", end.toString());
            writeFigures(json, period.getValue(), end);
            json.writeArrayFieldStart("missedTargets");
            for (Report.Verdict verdict : verdicts) if (verdict.missed(period.getKey())) json.writeString(verdict.plan().figure().name());
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        if (report.per != null) {
            // contract 14.3: each figure per store (or region) over the whole log, worst first on requestsMet
            json.writeArrayFieldStart("per");
            for (Report.Group group : report.ranked()) {
                json.writeStartObject();
                if (report.per == Report.Per.STORE) json.writeStringField("store", group.name);
                json.writeStringField("region", group.region);
                writeFigures(json, group.figures, report.end());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeArrayFieldStart("earlyWarnings");
        for (EarlyWarnings.Warning warning : report.warnings()) {
            json.writeStartObject();
            json.writeStringField("sku", warning.sku());
            json.writeStringField("fault", warning.fault());
            json.writeNumberField("count", warning.count());
            json.writeStringField("firstClaimId", warning.firstClaimId());
            json.writeStringField("lastClaimId", warning.lastClaimId());
            json.writeStringField("firstClaimDate", warning.firstClaimDate().toString());
            json.writeStringField("lastClaimDate", warning.lastClaimDate().toString());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("targets");
        for (Report.Verdict verdict : verdicts) {
            json.writeStartObject();
            json.writeStringField("figure", verdict.plan().figure().name());
            json.writeStringField("plan", verdict.plan().written());
            json.writeNumberField("planValue", verdict.plan().value());
            json.writeBooleanField("higherIsBetter", verdict.plan().figure().higherIsBetter);
            json.writeArrayFieldStart("missed");
            for (LocalDate missed : verdict.missed()) json.writeString(report.by.label(missed));
            json.writeEndArray();
            json.writeBooleanField("wholeMissed", verdict.wholeMissed());
            json.writeBooleanField("reviewThePlan", verdict.reviewThePlan());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeFigures(JsonGenerator json, Figures f, LocalDate end) throws IOException {
        json.writeNumberField("claims", f.claims);
        json.writeNumberField("decisionsRead", f.decisionsRead);
        json.writeObjectFieldStart("byOutcome");
        for (Outcome outcome : Outcome.values()) json.writeNumberField(outcome.name(), f.byOutcome.getOrDefault(outcome, 0));
        json.writeEndObject();
        writeShare(json, "requestsMet", f.requestsMetShare());
        writeCount(json, "requestsMetCount", "met", f.requestsMet, f.requests);
        json.writeObjectFieldStart("refusals");
        for (Map.Entry<String, Integer> refusal : f.refusals.entrySet()) json.writeNumberField(refusal.getKey(), refusal.getValue());
        json.writeEndObject();
        writeMoney(json, "refunded", f.refunded());
        writeMoney(json, "depreciationKept", f.depreciationKept());
        json.writeObjectFieldStart("compensation");
        writeMoney(json, "total", f.compensationTotal);
        json.writeNumberField("count", f.compensationCount);
        json.writeObjectFieldStart("byArticle");
        for (Map.Entry<String, Figures.Owed> owed : f.compensationByArticle.entrySet()) {
            json.writeObjectFieldStart(owed.getKey());
            writeMoney(json, "total", owed.getValue().total);
            json.writeNumberField("count", owed.getValue().count);
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
        writeShare(json, "onSiteLate", f.onSiteLateShare());
        writeCount(json, "onSiteLateCount", "late", f.arrivedLate, f.arrivals);
        writeShare(json, "repeatRepairs", f.repeatRepairsShare());
        writeCount(json, "repeatRepairsCount", "repeat", f.sameFaultRepairs, f.repairs);
        Integer overdue = end == null ? null : f.overdueDuties(end);
        if (overdue == null) json.writeNullField("overdueDuties");
        else json.writeNumberField("overdueDuties", overdue);
    }

    /** {@code "name": {"part": n, "of": n}}: the counts behind a share. */
    private static void writeCount(JsonGenerator json, String name, String part, int count, int of) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField(part, count);
        json.writeNumberField("of", of);
        json.writeEndObject();
    }

    private static void writeShare(JsonGenerator json, String name, Double share) throws IOException {
        if (share == null) json.writeNullField(name);
        else json.writeNumberField(name, share);
    }

    /** {@code "name": {"CNY": 153392.00}}: a sum per currency (contract 14.3), each with its currency's decimals; null when not in the log. */
    private static void writeMoney(JsonGenerator json, String name, Map<String, BigDecimal> byCurrency) throws IOException {
        if (byCurrency == null) {
            json.writeNullField(name);
            return;
        }
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, BigDecimal> sum : byCurrency.entrySet()) json.writeNumberField(sum.getKey(), inMinorUnits(sum.getKey(), sum.getValue()));
        json.writeEndObject();
    }

    /** The amount with at least as many decimals as its currency has minor units (2 for CNY and EUR): 153392 as 153392.00. */
    private static BigDecimal inMinorUnits(String currency, BigDecimal amount) {
        try {
            int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            return digits > amount.scale() ? amount.setScale(digits) : amount;
        } catch (IllegalArgumentException notIso) {
            return amount; // a code java.util.Currency does not know: the sum as the log's amounts make it
        }
    }

    // ---------------------------------------------------------------- text

    /** The report as text a store manager reads: a block per period, the whole log, early warnings, targets. */
    public void text(Report report, PrintWriter out) {
        out.println(words.get("title"));
        Map<String, Object> subtitle = new HashMap<>();
        subtitle.put("by", words.get("by." + report.by.option()));
        if (report.periods.isEmpty()) {
            out.println(words.render("subtitle.empty", subtitle));
        } else {
            subtitle.put("claims", report.whole.claims);
            subtitle.put("decisions", report.whole.decisionsRead);
            subtitle.put("from", report.firstClaimDate);
            subtitle.put("to", report.lastClaimDate);
            out.println(words.render("subtitle", subtitle));
        }
        if (report.badLines > 0) out.println(words.render("badLines", Map.of("count", report.badLines)));
        List<Report.Verdict> verdicts = report.verdicts();
        for (Map.Entry<LocalDate, Figures> period : report.periods.entrySet()) {
            LocalDate end = report.by.end(period.getKey());
            out.println();
            out.println(words.render("periodHeading", Map.of("period", periodName(report.by, period.getKey()), "from", period.getKey(), "to", end)));
            figuresText(period.getValue(), end, out, verdicts, period.getKey());
        }
        if (!report.periods.isEmpty()) {
            out.println();
            out.println(words.get("wholeLog"));
            figuresText(report.whole, report.end(), out, verdicts, null);
        }
        if (report.per != null) {
            out.println();
            out.println(words.get("per." + report.per.option()));
            for (Report.Group group : report.ranked()) {
                out.println();
                out.println(groupName(report.per, group));
                figuresText(group.figures, report.end(), out, List.of(), null);
            }
        }
        out.println();
        out.println(words.get("earlyWarnings") + words.render("detail", Map.of("detail", words.render("earlyWarnings.rule", Map.of("warnAt", report.warnAt)))));
        List<EarlyWarnings.Warning> warnings = report.warnings();
        if (warnings.isEmpty()) out.println("  " + words.get("earlyWarnings.none"));
        for (EarlyWarnings.Warning warning : warnings) out.println("  " + words.render("earlyWarning", warningParams(warning)));
        if (!verdicts.isEmpty()) {
            out.println();
            out.println(words.get("targets"));
            for (Report.Verdict verdict : verdicts) {
                StringBuilder line = new StringBuilder("  ").append(words.get(verdict.plan().figure().name())).append(words.get("colon"))
                        .append(words.render("target.plan", Map.of("plan", verdict.plan().written()))).append(words.get("separator"));
                if (verdict.missed().isEmpty()) {
                    line.append(words.get("target.missedNone"));
                } else {
                    line.append(words.render("target.missed", Map.of("missed", verdict.missed().size(), "periods", report.periods.size())))
                            .append(words.get("colon")).append(String.join(words.get("list"),
                                    verdict.missed().stream().map(start -> periodName(report.by, start)).toList()));
                }
                if (verdict.reviewThePlan()) {
                    line.append(words.get("separator")).append(words.render("target.review", Map.of("runs", Targets.MISSES_TO_REVIEW)).toUpperCase(Locale.ROOT));
                }
                out.println(line);
            }
        }
        out.flush();
    }

    /** A period as the language names it: 2026-W23 or 2026年第23周, 2026-06 or 2026年6月, a day as a date. */
    private String periodName(Period by, LocalDate start) {
        String label = by.label(start);
        return switch (by) {
            case WEEK -> words.render("period.week", Map.of("label", label, "year", start.get(IsoFields.WEEK_BASED_YEAR),
                    "week", start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            case MONTH -> words.render("period.month", Map.of("label", label, "year", start.getYear(), "month", start.getMonthValue()));
            case DAY -> words.render("date", Map.of("iso", label, "year", start.getYear(), "month", start.getMonthValue(),
                    "day", start.getDayOfMonth()));
        };
    }

    /** An article as the language cites it: art. 6 or 第六条; a label that is not a number as art. S1 or 条款S1. */
    private String articleName(String article) {
        return article.matches("\\d{1,3}") ? words.render("article.numbered", Map.of("n", Long.parseLong(article)))
                : words.render("article", Map.of("article", article));
    }

    /** A store as the table heads it, {@code SH-0012 (East)}; a region by its name; claims without one as the words say. */
    private String groupName(Report.Per per, Report.Group group) {
        String name = group.name != null ? group.name : words.get("per.none." + per.option());
        return per == Report.Per.STORE && group.region != null ? name + words.render("detail", Map.of("detail", group.region)) : name;
    }

    private void figuresText(Figures f, LocalDate end, PrintWriter out, List<Report.Verdict> verdicts, LocalDate period) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("claims", Integer.toString(f.claims)));
        rows.add(row("decisionsRead", Integer.toString(f.decisionsRead)));
        List<String> outcomes = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            int n = f.byOutcome.getOrDefault(outcome, 0);
            if (n > 0) outcomes.add(words.get("outcome." + outcome.name()) + " " + n);
        }
        rows.add(row("byOutcome", outcomes.isEmpty() ? words.get("none") : String.join(words.get("list"), outcomes)));
        rows.add(row("requestsMet", share(f.requestsMetShare(), words.render("requestsMet.detail", Map.of("met", f.requestsMet, "of", f.requests)))));
        List<String> refusals = new ArrayList<>();
        f.refusals.forEach((article, n) -> refusals.add(
                (article.equals(Figures.NO_ARTICLE) ? words.get("refusal.none") : articleName(article)) + words.get("colon") + n));
        rows.add(row("refusals", refusals.isEmpty() ? words.get("none") : String.join(words.get("list"), refusals)));
        rows.add(row("refunded", f.refunded() == null ? words.get("notInLog") : money(f.refunded())));
        rows.add(row("depreciationKept", f.depreciationKept() == null ? words.get("notInLog") : money(f.depreciationKept())));
        StringBuilder compensation = new StringBuilder(money(f.compensationTotal));
        if (f.compensationCount > 0) {
            compensation.append(words.render("detail", Map.of("detail", words.render("compensation.detail", Map.of("count", f.compensationCount)))));
            List<String> byArticle = new ArrayList<>();
            f.compensationByArticle.forEach((article, owed) -> byArticle.add(articleName(article) + " " + money(owed.total)
                    + words.render("detail", Map.of("detail", owed.count))));
            compensation.append(words.get("colon")).append(String.join(words.get("list"), byArticle));
        }
        rows.add(row("compensation", compensation.toString()));
        rows.add(row("onSiteLate", share(f.onSiteLateShare(), words.render("onSiteLate.detail", Map.of("late", f.arrivedLate, "of", f.arrivals)))));
        rows.add(row("repeatRepairs", share(f.repeatRepairsShare(),
                words.render("repeatRepairs.detail", Map.of("repeat", f.sameFaultRepairs, "of", f.repairs)))));
        Integer overdue = f.overdueDuties(end);
        rows.add(row("overdueDuties", overdue == null ? words.get("notInLog")
                : overdue + words.render("detail", Map.of("detail", words.render("overdueDuties.detail", Map.of("end", end))))));
        for (Report.Verdict verdict : verdicts) {
            boolean missed = period == null ? verdict.wholeMissed() : verdict.missed(period);
            if (!missed) continue;
            String[] row = rows.stream().filter(r -> r[2].equals(verdict.plan().figure().name())).findFirst().orElseThrow();
            row[1] += "   <- " + words.render(verdict.plan().figure().higherIsBetter ? "target.below" : "target.above",
                    Map.of("plan", verdict.plan().written()));
        }
        int width = rows.stream().mapToInt(r -> displayWidth(r[0])).max().orElse(0) + 2;
        for (String[] r : rows) out.println("  " + r[0] + " ".repeat(width - displayWidth(r[0])) + r[1]);
    }

    private String[] row(String figure, String value) {
        return new String[] {words.get(figure), value, figure};
    }

    private String share(Double share, String detail) {
        if (share == null) return words.get("noValue");
        return percent(share) + words.render("detail", Map.of("detail", detail));
    }

    /** Sums by currency as the language writes them, {@code 153392 CNY, 1200 EUR}: never added together; 0 when there is none. */
    private String money(Map<String, BigDecimal> byCurrency) {
        if (byCurrency.isEmpty()) return "0";
        List<String> sums = new ArrayList<>();
        byCurrency.forEach((currency, sum) -> sums.add(words.render("money", Map.of("amount", amount(sum), "currency", currencyName(currency)))));
        return String.join(words.get("list"), sums);
    }

    /** A currency as the language names it after an amount (元 for CNY in Chinese), else its ISO code. */
    private String currencyName(String code) {
        return words.has("currency." + code) ? words.get("currency." + code) : code;
    }

    static String percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static String amount(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().scale() <= 0
                ? amount.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private Map<String, Object> warningParams(EarlyWarnings.Warning warning) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sku", warning.sku());
        params.put("fault", warning.fault());
        params.put("count", warning.count());
        params.put("firstDate", warning.firstClaimDate());
        params.put("lastDate", warning.lastClaimDate());
        params.put("firstClaimId", warning.firstClaimId());
        params.put("lastClaimId", warning.lastClaimId());
        return params;
    }

    /** Columns a terminal gives the text: two for each wide (CJK) character. */
    private static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            width += Character.isIdeographic(c) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F) ? 2 : 1;
            i += Character.charCount(c);
        }
        return width;
    }

    // ---------------------------------------------------------------- the page

    /**
     * The report as one self-contained HTML page: ECharts inlined from its web jar, the report's JSON and
     * the words as data, a chart per figure over the periods, the early warnings and the missed targets.
     *
     * @param switchLinks when not null, the page links to itself for each period and language:
     *                    {@code switchLinks + "?by=week&lang=zh-CN"} (the service's {@code /report})
     */
    public String page(Report report, String switchLinks) {
        String template = resource("report.html");
        return template
                .replace("{{lang}}", words.language().tag())
                .replace("{{title}}", escapeHtml(words.get("title")))
                .replace("/*{{echarts}}*/", resource(ECHARTS))
                .replace("/*{{report}}*/null", safeScript(json(report)))
                .replace("/*{{words}}*/null", safeScript(wordsJson()))
                .replace("/*{{switch}}*/null", switchLinks == null ? "null" : safeScript(quote(switchLinks)));
    }

    private String wordsJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, String> word : words.all().entrySet()) json.writeStringField(word.getKey(), word.getValue());
            json.writeArrayFieldStart("figures");
            for (String figure : FIGURES) json.writeString(figure);
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String quote(String text) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** JSON placed inside a script element: nothing in it may close the element or open a comment. */
    private static String safeScript(String json) {
        return json.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = ReportWriters.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
