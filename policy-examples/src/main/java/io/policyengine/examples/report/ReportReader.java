package io.policyengine.examples.report;

import io.policyengine.examples.pipeline.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads decision logs into a {@link Report} in one streaming pass. The input is cut into blocks of whole
 * lines; each block's lines are parsed on a pool of threads (one per core) and the parsed decisions are
 * added to the report in the order of the log, so the result is the same as a one-thread read. Memory
 * holds the blocks in flight and the report's counts, whatever the log's length. A line that is not a
 * decision costs only itself: it is handed to the {@link BadLines} with its number.
 */
public final class ReportReader {
    private static final int BLOCK = 1 << 21;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Blocks parsed or being parsed ahead of the one being added: bounds the memory to about this many blocks. */
    private static final int IN_FLIGHT = 2 * THREADS;

    /** Where the lines that are not decisions go, each with its file and line number. */
    public interface BadLines {
        void report(String source, long line, String problem);
    }

    private final Report report;
    private final BadLines bad;
    private final Interner shared = new Interner();
    /** Blocks cut so far, over every log read: a decision's order in the log is its block's number, then its place in it. */
    private long blocks;
    private boolean completeLinesOnly;

    public ReportReader(Period by, int warnAt, Targets targets, BadLines bad) {
        this(by, warnAt, targets, null, store -> null, bad);
    }

    /**
     * @param per           the table per store or region (contract 14.3); null for none
     * @param regionOfStore the region of a store whose log lines do not say it (a stores file's), or null
     */
    public ReportReader(Period by, int warnAt, Targets targets, Report.Per per, Function<String, String> regionOfStore, BadLines bad) {
        this.report = new Report(by, warnAt, targets, per, regionOfStore);
        this.bad = bad;
    }

    /** The lines of one block, parsed: each a decision or a problem, with its line number within the block. */
    private record Parsed(int lines, List<Object> items) {
    }

    private record Problem(int line, String message) {
    }

    /**
     * From now on a last line without its line break is left out rather than read: the line a writer may
     * be appending to a live log at this moment.
     */
    public ReportReader completeLinesOnly() {
        completeLinesOnly = true;
        return this;
    }

    /** Adds every line of {@code in} (named {@code source} in problems) to the report; the caller closes it. */
    public ReportReader read(String source, InputStream in) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "policy-report");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<Parsed>> inFlight = new ArrayDeque<>();
        long linesBefore = 0;
        try {
            byte[] carry = new byte[0];
            boolean ended = false;
            while (!ended) {
                byte[] block = Arrays.copyOf(carry, Math.max(BLOCK, carry.length * 2));
                int limit = carry.length;
                while (limit < block.length) {
                    int n = in.read(block, limit, block.length - limit);
                    if (n < 0) {
                        ended = true;
                        break;
                    }
                    limit += n;
                }
                int cut = ended && !completeLinesOnly ? limit : lastNewline(block, limit) + 1;
                if (cut == 0 && !ended) { // one line longer than the block: read on with a larger one
                    carry = Arrays.copyOf(block, limit);
                    continue;
                }
                carry = Arrays.copyOfRange(block, cut, limit);
                byte[] lines = block;
                int length = cut;
                long number = blocks++;
                inFlight.add(pool.submit(() -> parse(lines, length, number)));
                while (inFlight.size() >= IN_FLIGHT) linesBefore = add(source, inFlight.poll(), linesBefore);
            }
            while (!inFlight.isEmpty()) linesBefore = add(source, inFlight.poll(), linesBefore);
        } finally {
            pool.shutdownNow();
        }
        return this;
    }

    /** The report over every line read; no line may be read after it is made. */
    public Report report() {
        report.settle();
        return report;
    }

    private long add(String source, Future<Parsed> next, long linesBefore) throws IOException {
        Parsed parsed;
        try {
            parsed = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + source);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading " + source + " failed", e.getCause());
        }
        long badBefore = report.badLines;
        for (Object item : parsed.items()) {
            report.lines++;
            if (item instanceof LoggedDecision decision) {
                report.add(decision);
            } else {
                Problem problem = (Problem) item;
                report.badLines++;
                bad.report(source, linesBefore + problem.line(), problem.message());
            }
        }
        Progress.count(parsed.items().size(), report.badLines - badBefore);
        return linesBefore + parsed.lines();
    }

    /**
     * Parses the lines of {@code block[0, length)}, the {@code number}th block of the log; the last line may lack its line
     * break (the end of the input).
     */
    private Parsed parse(byte[] block, int length, long number) {
        LogLineReader parser = new LogLineReader(shared);
        List<Object> items = new ArrayList<>(length / 1024 + 1);
        int line = 0;
        int start = 0;
        while (start < length) {
            int end = indexOfNewline(block, start, length);
            line++;
            int to = end > start && block[end - 1] == '\r' ? end - 1 : end;
            if (!isBlank(block, start, to)) {
                try {
                    items.add(parser.read(block, start, to - start, number << 32 | items.size()));
                } catch (LogLineReader.NotADecision e) {
                    items.add(new Problem(line, e.getMessage()));
                }
            }
            start = end + 1;
        }
        return new Parsed(line, items);
    }

    /**
     * The index of the first {@code \n} in {@code block[from, to)}, or {@code to}. Eight bytes at a time: a byte-by-byte
     * scan for line ends was a fifth of the time the report took.
     */
    static int indexOfNewline(byte[] block, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long newlines = (long) LONGS.get(block, i) ^ 0x0A0A0A0A0A0A0A0AL; // a newline byte becomes zero
            long zeros = (newlines - 0x0101010101010101L) & ~newlines & 0x8080808080808080L; // the lowest set bit marks the first zero byte
            if (zeros != 0) return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
        }
        for (; i < to; i++) {
            if (block[i] == '\n') return i;
        }
        return to;
    }

    private static int lastNewline(byte[] block, int limit) {
        for (int i = limit - 1; i >= 0; i--) {
            if (block[i] == '\n') return i;
        }
        return -1;
    }

    private static boolean isBlank(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t') return false;
        }
        return true;
    }
}
