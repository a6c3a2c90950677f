package io.policyengine;

import io.policyengine.text.PackSentences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Calls {@code onChange} when the pack files of a folder or of its sub-folders change and then stay quiet
 * for a while. It follows the folder's path, not the folder first seen there: a folder renamed into its
 * place, a symbolic link pointed elsewhere, or a folder deleted and created again is watched at once.
 * Files that are no part of a pack (hidden files, an editor's swap and backup files, a log written
 * beside the rules) are ignored, except the link a Kubernetes ConfigMap volume swaps to update its files.
 */
final class RuleWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleWatcher.class);
    /** How often the folder's identity is looked at: a rename or a link swap sends no event to the old folder's watch. */
    private static final long LOOK_MILLIS = 250;
    /**
     * The link through which every file of a Kubernetes ConfigMap volume resolves: the kubelet updates the
     * volume by pointing it at a new hidden folder, so no pack file's own entry changes.
     */
    private static final String CONFIG_MAP_DATA = "..data";

    private final Path folder;
    private final Duration settle;
    private final Runnable onChange;
    private final WatchService service;
    private final Thread thread;
    /** The folders watched, by their key, and what each was when it was registered. */
    private final Map<WatchKey, Path> watched = new HashMap<>();
    private final Map<Path, Object> identities = new HashMap<>();
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
            watcher.register();
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Whether a file of this name can be part of a pack (rules, sentences or a calendar) or a chain's stores file, not hidden. */
    static boolean isPackFile(String name) {
        if (name.startsWith(".")) return false;
        return name.endsWith(".drl") || name.endsWith(".csv") || name.equals("calendar.txt") || PackSentences.FILE_NAME.matcher(name).matches();
    }

    private void run() {
        boolean pending = false;
        long lastLook = System.nanoTime();
        while (!closed) {
            try {
                WatchKey signalled = service.poll(pending ? settle.toMillis() : LOOK_MILLIS, TimeUnit.MILLISECONDS);
                if (signalled != null) {
                    pending |= changesPack(signalled);
                }
                if (System.nanoTime() - lastLook >= TimeUnit.MILLISECONDS.toNanos(LOOK_MILLIS)) {
                    lastLook = System.nanoTime();
                    if (moved()) {
                        register();
                        pending = true;
                    }
                }
                if (pending && signalled == null) {
                    pending = false;
                    onChange.run();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (Throwable e) {
                // whatever a reload throws, the watcher goes on: the next save must still be seen
                LOG.error("rule watcher of {}: {}", folder, e.toString());
            }
        }
    }

    /** Takes the key's events; true when one of them touches a pack file or a version folder. */
    private boolean changesPack(WatchKey key) {
        Path dir = watched.get(key);
        boolean changes = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                changes = true;
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            String name = child.getFileName().toString();
            boolean folderChanged = !name.startsWith(".") && (Files.isDirectory(child) || identities.containsKey(child));
            if (folderChanged && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) watch(child);
            changes |= folderChanged || isPackFile(name) || name.equals(CONFIG_MAP_DATA);
        }
        if (!key.reset()) {
            watched.remove(key);
            if (dir != null) identities.remove(dir);
        }
        return changes;
    }

    /** Whether the folder, or a version folder, is no longer the one watched: renamed away, replaced, re-linked, deleted or back. */
    private boolean moved() {
        if (!Objects.equals(identity(folder), identities.get(folder))) return true;
        for (Map.Entry<Path, Object> watchedFolder : identities.entrySet()) {
            if (!Objects.equals(identity(watchedFolder.getKey()), watchedFolder.getValue())) return true;
        }
        return false;
    }

    /** Watches the folder as it is now, and its sub-folders (the versions of a pack), afresh. */
    private void register() {
        watched.keySet().forEach(WatchKey::cancel);
        watched.clear();
        identities.clear();
        identities.put(folder, identity(folder));
        if (!Files.isDirectory(folder)) return;
        watch(folder);
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                if (!child.getFileName().toString().startsWith(".")) watch(child);
            }
        } catch (IOException e) {
            LOG.debug("listing {}: {}", folder, e.toString());
        }
    }

    private void watch(Path path) {
        try {
            Object identity = identity(path);
            WatchKey key = path.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            watched.put(key, path);
            identities.put(path, identity);
        } catch (IOException e) {
            LOG.debug("watching {}: {}", path, e.toString());
        }
    }

    /** The file system's identity of the folder at this path, links followed (device and inode); null when there is none. */
    private static Object identity(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.isDirectory() ? attributes.fileKey() : null;
        } catch (IOException e) {
            return null;
        }
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
