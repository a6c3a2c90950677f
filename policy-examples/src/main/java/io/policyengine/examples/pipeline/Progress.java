package io.policyengine.examples.pipeline;

import io.policyengine.examples.words.Words;
import io.policyengine.text.Language;

import java.io.PrintWriter;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Progress of long work on a terminal's stderr: from the first second on, a line redrawn in place (with \r) four
 * times a second, and a closing count line at the end. Java cannot tell whether stderr is a terminal
 * ({@code System.console()} is about stdin and stdout), so the {@code policy} launcher says so with
 * {@code -Dpolicy.stderr.terminal=true}; without it nothing is counted and nothing printed. The loops that go
 * through claims call {@link #count} per batch or per claim: an adder, no lock, no clock.
 */
public final class Progress implements AutoCloseable {
    /** Whether the launcher found stderr to be a terminal: read once, so counting costs one branch when it is not. */
    public static final boolean TERMINAL = Boolean.getBoolean("policy.stderr.terminal");
    private static final long FIRST_DRAW_MS = 1000;
    private static final long REDRAW_MS = 250;
    private static final Progress OFF = new Progress(null, null, null);
    /** The one run of a command in this process that is being shown; {@link #OFF} while none is. */
    private static volatile Progress current = OFF;

    private final LongAdder claims = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final String task;
    private final PrintWriter err;
    private final Words words;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer;
    /** Display columns of the progress line now on the terminal, padding included; 0 when none is (guarded by {@code err}). */
    private int shown;

    private Progress(String task, PrintWriter err, Words words) {
        this.task = task;
        this.err = err;
        this.words = words;
        if (err == null) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "policy-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> draw("\r", ""), FIRST_DRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts showing the progress of {@code task} (a command's name: its words are {@code progress.TASK}) when
     * stderr is a terminal; closing it writes the count it came to. Off, it does nothing.
     */
    public static Progress start(String task, PrintWriter err, Language language) {
        if (!TERMINAL) return OFF;
        Progress progress = new Progress(task, err, Words.of(Progress.class, language));
        current = progress;
        return progress;
    }

    /** {@code claims} more gone through, {@code errors} of them bad input or failed rules. */
    public static void count(long claims, long errors) {
        if (!TERMINAL) return;
        Progress progress = current;
        if (progress == OFF) return;
        progress.claims.add(claims);
        if (errors != 0) progress.errors.add(errors);
    }

    private void draw(String start, String end) {
        double seconds = (System.nanoTime() - started) / 1e9;
        NumberFormat whole = NumberFormat.getIntegerInstance(Locale.forLanguageTag(words.language().tag()));
        String line = words.render("progress." + task, Map.of(
                "claims", whole.format(claims.sum()),
                "errors", whole.format(errors.sum()),
                "seconds", String.format(Locale.ROOT, "%.1f", seconds)));
        // padded so that a shorter line wipes out the end of a longer one drawn before
        synchronized (err) {
            err.print(start + line + "   " + end);
            err.flush();
            shown = end.isEmpty() ? Columns.width(line) + 3 : 0;
        }
    }

    /**
     * Prints {@code line} on stderr as a line of its own (a bad claim's {@code FILE:LINE: error}): while the progress
     * line is shown, it is first wiped out, so that the line does not run on after it; the next redraw puts the
     * progress back below. Without a terminal, just the line.
     */
    public static void println(PrintWriter err, String line) {
        Progress progress = current;
        if (progress == OFF || progress.err != err) {
            err.println(line);
            return;
        }
        synchronized (err) {
            if (progress.shown > 0) err.print("\r" + " ".repeat(progress.shown) + "\r");
            progress.shown = 0;
            err.println(line);
            err.flush();
        }
    }

    @Override
    public void close() {
        if (this == OFF) return;
        current = OFF;
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draw("\r", System.lineSeparator());
    }
}
