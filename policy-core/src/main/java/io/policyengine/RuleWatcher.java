package io.policyengine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Calls {@code onChange} when the files of a folder or of its sub-folders change and then stay quiet for a while. Survives
 * the folder being deleted and created again: it watches again as soon as the folder is back.
 */
final class RuleWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleWatcher.class);

    private final Path folder;
    private final Duration settle;
    private final Runnable onChange;
    private final WatchService service;
    private final Thread thread;
    private volatile boolean closed;

    private RuleWatcher(Path folder, Duration settle, Runnable onChange) throws IOException {
        this.folder = folder;
        this.settle = settle;
        this.onChange = onChange;
        this.service = FileSystems.getDefault().newWatchService();
        this.thread = new Thread(this::run, "policy-rules-watcher " + folder.getFileName());
        this.thread.setDaemon(true);
    }

    static RuleWatcher start(Path folder, Duration settle, Runnable onChange) {
        try {
            RuleWatcher watcher = new RuleWatcher(folder, settle, onChange);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch " + folder + ": " + e.getMessage(), e);
        }
    }

    private void run() {
        WatchKey key = register();
        boolean pending = false;
        while (!closed) {
            try {
                WatchKey signalled = service.poll(pending ? settle.toMillis() : 250, TimeUnit.MILLISECONDS);
                if (signalled != null) {
                    signalled.pollEvents();
                    if (!signalled.reset() && signalled == key) key = null;
                    if (key != null) register();
                    pending = true;
                    continue;
                }
                if (key == null) {
                    key = register();
                    if (key != null) pending = true;
                }
                if (pending && signalled == null) {
                    pending = false;
                    onChange.run();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("rule watcher of {}: {}", folder, e.toString());
            }
        }
    }

    /** Watches the folder and its sub-folders (the versions of a pack); returns the folder's own key. */
    private WatchKey register() {
        if (!Files.isDirectory(folder)) return null;
        try {
            WatchKey key = watch(folder);
            try (Stream<Path> children = Files.list(folder)) {
                for (Path child : children.filter(Files::isDirectory).toList()) watch(child);
            }
            return key;
        } catch (IOException e) {
            return null;
        }
    }

    private WatchKey watch(Path path) throws IOException {
        return path.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
    }
}
