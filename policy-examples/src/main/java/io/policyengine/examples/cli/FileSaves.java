package io.policyengine.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Saves of rule and example files ({@code .drl}, {@code .jsonl}, sentence templates {@code .txt}) under
 * the given folders (and their sub-folders, including ones created later) and of the given files.
 * An editor's save of several files, or its write-then-rename, is one save: {@link #next} returns once
 * the files have been quiet for {@link #QUIET_MS}.
 */
final class FileSaves implements ExampleWatch.Saves {
    static final long QUIET_MS = 80;

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Map<Path, Set<String>> onlyFiles = new HashMap<>();
    /** The folders watched whole (as opposed to only for the files named in {@code onlyFiles}). */
    private final Set<Path> treeFolders = new HashSet<>();

    private FileSaves(WatchService service) {
        this.service = service;
    }

    static FileSaves watch(List<Path> paths) {
        try {
            FileSaves saves = new FileSaves(FileSystems.getDefault().newWatchService());
            for (Path path : paths) {
                Path absolute = path.toAbsolutePath().normalize();
                if (Files.isDirectory(absolute)) {
                    saves.registerTree(absolute);
                } else if (absolute.getParent() != null && Files.isDirectory(absolute.getParent())) {
                    saves.onlyFiles.computeIfAbsent(absolute.getParent(), k -> new HashSet<>()).add(absolute.getFileName().toString());
                    saves.register(absolute.getParent());
                }
            }
            return saves;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + paths + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean next() throws InterruptedException {
        try {
            while (!relevant(service.take())) {
                // a save of some other file: keep waiting
            }
            while (true) {
                WatchKey more = service.poll(QUIET_MS, TimeUnit.MILLISECONDS);
                if (more == null) return true;
                relevant(more);
            }
        } catch (ClosedWatchServiceException e) {
            return false;
        }
    }

    /** Takes the key's events; true when one of them is a watched file, or a folder came or went. */
    private boolean relevant(WatchKey key) {
        Path folder = folders.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                relevant = true;
                continue;
            }
            Path child = folder.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child) && treeFolders.contains(folder)) {
                registerTree(child);
                relevant = true;
            } else if (isWatched(folder, child.getFileName().toString())) {
                relevant = true;
            }
        }
        if (!key.reset()) folders.remove(key);
        return relevant;
    }

    /** A rule, example or template file of a folder watched whole, or one of the files named on their own. */
    private boolean isWatched(Path folder, String name) {
        boolean ruleOrExample = !name.startsWith(".") && (name.endsWith(".drl") || name.endsWith(".jsonl") || name.endsWith(".txt"));
        return (ruleOrExample && treeFolders.contains(folder)) || onlyFiles.getOrDefault(folder, Set.of()).contains(name);
    }

    private void registerTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path folder : walk.filter(Files::isDirectory).toList()) {
                treeFolders.add(folder);
                register(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + root + ": " + e.getMessage(), e);
        }
    }

    private void register(Path folder) {
        try {
            folders.put(folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE), folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing more to watch either way
        }
    }
}
