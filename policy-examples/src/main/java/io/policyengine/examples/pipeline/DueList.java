package io.policyengine.examples.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.policyengine.Wording;
import io.policyengine.model.Action;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import io.policyengine.examples.words.Words;
import io.policyengine.text.Language;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The store's to-do list over many claims (contract 12.4): every open duty, overdue ones first, then by due
 * date, then in input order. Any number of claims in bounded memory: the duties are rendered as they come
 * (a table row or a JSON line), kept in runs of {@value #RUN} that are sorted and spilled to temporary files,
 * and merged when the list is written. Not thread-safe; close it to delete the files.
 */
public final class DueList implements AutoCloseable {
    /** Duties held in memory before a sorted run is spilled: a few tens of megabytes. */
    public static final int RUN = 50_000;
    private static final JsonFactory JSON = new JsonFactory();
    /** {@code overdue flag, due day, sequence}: fixed width, so lines sort as text. */
    private static final int KEY = 1 + 11 + 12;
    private static final int CLAIM = 30;
    private static final int ACTION = 18;
    private static final int ARTICLE = 12;
    private static final int DUE = 10;
    private static final int OVERDUE = 8;
    /**
     * Between a claim id too long for its column and its row, in a stored line: written as a line break. A stored line
     * must be one line (the runs are spilled and read back by lines), and no row holds this control character
     * ({@link Printable#oneLine} escapes them).
     */
    private static final char ID_ABOVE = '\u001e';

    private final Wording wording;
    private final boolean json;
    private final int runSize;
    private final List<String> run = new ArrayList<>();
    private final List<Path> spilled = new ArrayList<>();
    /** How many runs went to temporary files (for tests). */
    public int spilledRuns() {
        return spilled.size();
    }

    private long sequence;

    /** A list whose lines are JSON ({@code json}) or table rows, in {@code wording}'s language. */
    public DueList(Wording wording, boolean json) {
        this(wording, json, RUN);
    }

    /** The same, spilling every {@code runSize} duties (tests spill small runs). */
    public DueList(Wording wording, boolean json, int runSize) {
        this.wording = wording;
        this.json = json;
        this.runSize = runSize;
    }

    /** The table's header line (none for JSON Lines). */
    public String header() {
        Words words = Words.of(DueList.class, Language.ofTag(wording.languageTag()).orElse(Language.EN));
        return row(words.get("due.claim"), words.get("due.action"), words.get("due.article"), words.get("due.due"),
                words.get("due.overdue"), words.get("due.what"));
    }

    /** Adds the open duties of {@code claim}'s decision, judged on the claim's day ({@link Claim#judgedOn()}). */
    public void add(Claim claim, Decision decision) {
        add(claim, decision, wording);
    }

    /** The same, the duties' sentences in {@code words} (a chain's store's language) rather than the list's. */
    public void add(Claim claim, Decision decision, Wording words) {
        if (decision.actions().isEmpty()) return;
        LocalDate judgedOn = claim.judgedOn();
        for (Action action : decision.actions()) {
            String line = json ? jsonLine(decision, action, judgedOn, words) : tableRow(decision, action, judgedOn, words);
            run.add(key(action) + line);
            if (run.size() == runSize) spill();
        }
    }

    /** Hands every line to {@code out} in the list's order. */
    public void write(Consumer<String> out) {
        Collections.sort(run);
        if (spilled.isEmpty()) {
            for (String line : run) emit(line, out);
            return;
        }
        if (!run.isEmpty()) spill();
        merge(out);
    }

    @Override
    public void close() {
        for (Path file : spilled) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
        spilled.clear();
        run.clear();
    }

    private String key(Action action) {
        return (action.overdue() ? "0" : "1") + String.format("%011d%012d", action.due().toEpochDay() + 50_000_000_000L, sequence++);
    }

    private void spill() {
        Collections.sort(run);
        try {
            Path file = Files.createTempFile("policy-due-", ".run");
            spilled.add(file);
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String line : run) {
                    writer.write(line);
                    writer.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill the to-do list to a temporary file: " + e.getMessage(), e);
        }
        run.clear();
    }

    /** A stored line without its key, a long claim id on a line of its own above its row. */
    private static void emit(String stored, Consumer<String> out) {
        int above = stored.indexOf(ID_ABOVE, KEY);
        if (above < 0) {
            out.accept(stored.substring(KEY));
            return;
        }
        out.accept(stored.substring(KEY, above));
        out.accept(stored.substring(above + 1));
    }

    /** A k-way merge of the sorted runs: one line of each in memory. */
    private void merge(Consumer<String> out) {
        record Head(String line, BufferedReader reader) {
        }
        List<BufferedReader> readers = new ArrayList<>();
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> a.line().compareTo(b.line()));
        try {
            for (Path file : spilled) {
                BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                readers.add(reader);
                String first = reader.readLine();
                if (first != null) heads.add(new Head(first, reader));
            }
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                emit(head.line(), out);
                String next = head.reader().readLine();
                if (next != null) heads.add(new Head(next, head.reader()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the to-do list: " + e.getMessage(), e);
        } finally {
            for (BufferedReader reader : readers) {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // a temporary file; close() deletes it
                }
            }
        }
    }

    /**
     * Contract 12.4: {@code {"claimId","action","article","citation","due","overdue","overdueDays","message"}}, and
     * {@code "estimated": true} after {@code overdue} where the due date is an estimate past the pack's calendar (17).
     */
    private static String jsonLine(Decision decision, Action action, LocalDate judgedOn, Wording wording) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator line = JSON.createGenerator(text)) {
            line.writeStartObject();
            line.writeStringField("claimId", decision.claimId());
            line.writeStringField("action", action.action());
            line.writeStringField("article", action.article());
            line.writeStringField("citation", wording.citation(decision, action.reason().policy(), action.article()));
            line.writeStringField("due", action.due().toString());
            line.writeBooleanField("overdue", action.overdue());
            if (action.estimated()) line.writeBooleanField("estimated", true);
            line.writeNumberField("overdueDays", action.overdueDays(judgedOn));
            line.writeStringField("message", wording.message(decision, action));
            line.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String tableRow(Decision decision, Action action, LocalDate judgedOn, Wording wording) {
        long late = action.overdueDays(judgedOn);
        String claim = Printable.oneLine(decision.claimId());
        // as in decide's table: a claim id too long for its column stands whole on a line of its own, above its row
        boolean tooLong = Columns.width(claim) > CLAIM;
        return (tooLong ? claim + ID_ABOVE : "") + row(tooLong ? "" : claim, action.action(), Printable.oneLine(wording.citation(decision, action.reason().policy(), action.article())),
                action.due().toString(), late == 0 ? "-" : String.valueOf(late), Printable.oneLine(wording.message(decision, action)));
    }

    private static String row(String claim, String action, String article, String due, String overdue, String what) {
        String late = " ".repeat(Math.max(0, OVERDUE - Columns.width(overdue))) + overdue;
        return Columns.fit(claim, CLAIM) + " " + Columns.fit(action, ACTION) + " " + Columns.fit(article, ARTICLE)
                + " " + Columns.fit(due, DUE) + " " + late + "  " + what;
    }
}
