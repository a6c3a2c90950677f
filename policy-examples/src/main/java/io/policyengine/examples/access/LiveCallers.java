package io.policyengine.examples.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve --callers FILE}: the callers now allowed in, read again whenever the file changes (as rules
 * are). A file that does not read whole never goes live: the callers before it keep working, and
 * {@link #lastReloadError} says why. The file is read every half second and compared: a callers file is
 * small, and a re-read sees every way a file can change, a Kubernetes Secret's swapped link included.
 */
public final class LiveCallers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveCallers.class);
    static final Duration EVERY = Duration.ofMillis(500);

    /** Told of each change that went live and each one that did not. */
    public interface Listener {
        void reloaded(int callers);

        void failed(String problems);

        Listener NONE = new Listener() {
            @Override
            public void reloaded(int callers) {
            }

            @Override
            public void failed(String problems) {
            }
        };
    }

    private final Path file;
    private final Listener listener;
    private final ScheduledExecutorService watcher;
    private volatile Callers live;
    private volatile Instant loadedAt = Instant.now();
    private volatile String lastReloadError;
    private final java.util.concurrent.atomic.AtomicLong succeeded = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
    /** The bytes read last, good or bad: a bad file is reported once, not every half second. */
    private byte[] seen;

    private LiveCallers(Path file, Callers live, byte[] seen, Listener listener, Duration every) {
        this.file = file;
        this.live = live;
        this.seen = seen;
        this.listener = listener;
        this.watcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "policy-callers-watch");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the file and watches it from now on.
     *
     * @throws CallersFile.Unusable with every problem of the file as it is now
     */
    public static LiveCallers watch(Path file, Listener listener) throws CallersFile.Unusable {
        return watch(file, listener, EVERY);
    }

    static LiveCallers watch(Path file, Listener listener, Duration every) throws CallersFile.Unusable {
        byte[] bytes = readOrNull(file);
        if (bytes == null) return new LiveCallers(file, CallersFile.read(file), null, listener, every); // says why
        return new LiveCallers(file, CallersFile.parse(file.toString(), bytes), bytes, listener, every);
    }

    /** The callers now live. */
    public Callers callers() {
        return live;
    }

    public Path file() {
        return file;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** Why the file's last change did not go live; null once a change went live again. */
    public String lastReloadError() {
        return lastReloadError;
    }

    /** Changes of the file since the service started that went live ({@code true}) or did not. */
    public long reloads(boolean wentLive) {
        return wentLive ? succeeded.get() : failed.get();
    }

    private void check() {
        try {
            byte[] bytes = readOrNull(file);
            if (bytes == null) {
                // a file being replaced may be missing for a moment; one missing for good is told once
                if (seen != null) {
                    seen = null;
                    fail(file + ": no such file, or it cannot be read");
                }
                return;
            }
            if (Arrays.equals(bytes, seen)) return;
            seen = bytes;
            try {
                Callers callers = CallersFile.parse(file.toString(), bytes);
                live = callers;
                loadedAt = Instant.now();
                lastReloadError = null;
                succeeded.incrementAndGet();
                LOG.info("callers file {}: {} callers live", file, callers.size());
                listener.reloaded(callers.size());
            } catch (CallersFile.Unusable e) {
                fail(e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("callers file {}: {}", file, e.toString());
        }
    }

    private void fail(String problems) {
        lastReloadError = problems;
        failed.incrementAndGet();
        LOG.error("callers file not reloaded, the callers before it stay live:{}{}", System.lineSeparator(), problems);
        listener.failed(problems);
    }

    private static byte[] readOrNull(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
