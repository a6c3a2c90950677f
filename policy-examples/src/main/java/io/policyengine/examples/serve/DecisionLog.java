package io.policyengine.examples.serve;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --decision-log FILE}: one JSON line for every decided claim (contract 9),
 * {@code {"decisionId","time","policy":{name,version,hash,floors},"claim":{...},"decision":{...}}}.
 * Lines are appended to the file before the caller gets the decision, with one write to the operating
 * system per request (or per part of a batch), so a SIGTERM or a crash of the JVM loses none of them.
 *
 * <p>The file never holds a torn record: a write that fails (a full disk) is cut back to the last whole
 * line, the caller is told ({@link Unwritable}) and answers that its claims were not decided, and the log
 * says it is not {@link #writable} until there is room again. Writes go through a plain file stream, which
 * an interrupt (a worker stopped at shutdown) does not close, as it would close a {@code FileChannel}.
 */
public class DecisionLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);

    /** No log: decisions still get ids, nothing is written. */
    static final DecisionLog NONE = new DecisionLog(null, null);

    /** The log could not take a record: nothing of it was kept, and its claims must not be answered as decided. */
    static final class Unwritable extends RuntimeException {
        Unwritable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path path;
    private final FileOutputStream file;
    private final AtomicLong failures = new AtomicLong();
    /** The size of the write that failed last; 0 while writes succeed. */
    private volatile long failedBytes;

    private DecisionLog(Path path, FileOutputStream file) {
        this.file = file;
        this.path = path;
    }

    /** Opens the file for appending, first cutting off a record a crash or a full disk left torn at its end. */
    static DecisionLog open(Path path) throws IOException {
        FileOutputStream file = new FileOutputStream(path.toFile(), true);
        DecisionLog log = new DecisionLog(path, file);
        long cut = log.cutToLastLine();
        if (cut > 0) LOG.warn("decision log {}: cut {} bytes of a torn last record", path, cut);
        return log;
    }

    /** The log's file, which {@code GET /report} reads; null without a log. */
    Path path() {
        return path;
    }

    boolean enabled() {
        return file != null;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Appends whole lines; returns once the operating system has them.
     *
     * @throws Unwritable when they could not all be written; none of them is then in the file
     */
    void append(ByteArrayOutputStream lines) {
        if (file == null || lines.size() == 0) return;
        synchronized (this) {
            try {
                lines.writeTo(file);
                failedBytes = 0;
            } catch (IOException e) {
                failures.incrementAndGet();
                failedBytes = lines.size();
                String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                try {
                    cutToLastLine();
                } catch (IOException cutFailed) {
                    LOG.error("decision log {}: a record may be torn: {}", path, cutFailed.toString());
                }
                LOG.error("decision log {}: cannot write {} bytes ({}); their claims are answered as not decided",
                        path, lines.size(), cause);
                throw new Unwritable("decision log: cannot be written (" + cause + ")", e);
            }
        }
    }

    /**
     * Whether a record can be written now: true until a write fails, then once the disk has room for what
     * failed again (so that {@code /readyz} says ready again without waiting for a request to try).
     */
    boolean writable() {
        long needed = failedBytes;
        if (file == null || needed == 0) return true;
        try {
            return Files.isWritable(path) && Files.getFileStore(path).getUsableSpace() >= needed;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes that failed since the service started. */
    long failures() {
        return failures.get();
    }

    /** Cuts the file back to its last line break; returns how many bytes went. */
    private long cutToLastLine() throws IOException {
        try (RandomAccessFile random = new RandomAccessFile(path.toFile(), "rw")) {
            long length = random.length();
            long end = length;
            byte[] chunk = new byte[8192];
            while (end > 0) {
                int n = (int) Math.min(chunk.length, end);
                random.seek(end - n);
                random.readFully(chunk, 0, n);
                int newline = n - 1;
                while (newline >= 0 && chunk[newline] != '\n') newline--;
                if (newline >= 0) {
                    end = end - n + newline + 1;
                    break;
                }
                end -= n;
            }
            if (end < length) random.setLength(end);
            return length - end;
        }
    }

    /** Forces every record to the disk and closes the file. */
    @Override
    public synchronized void close() throws IOException {
        if (file == null) return;
        try {
            file.getFD().sync();
        } finally {
            file.close();
        }
    }
}
