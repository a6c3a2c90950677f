package io.policyengine.rules;

import io.policyengine.RuleLoadException;
import io.policyengine.RuleProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack with the packs it extends (contract 14.1): the child's folder laid over its parent's, the parent's over
 * its own parent's. A child's {@code .drl} file with a new name adds rules, one with a parent file's name replaces
 * it, an empty one drops it; the file that declares a parent's {@code Pack} and {@code Terms} is never replaced
 * (the child's own declares the child, and changes terms by name). Sentence files are all kept, nearest last,
 * to be read over one another; the nearest calendar wins. Each pack keeps its own DRL package.
 *
 * @param files  the composed pack: the child's folder, every file that makes it (the root's first), the hash of them all
 * @param layers  the packs of the chain, the root first and the child last
 * @param removed the parents' files a child replaced or dropped
 */
record PackChain(PackFiles files, List<Layer> layers, List<PackFiles.DrlFile> removed) {
    private static final Pattern PACK_DECLARATION =
            Pattern.compile("(?s)\\bdeclare\\s+" + PackDeclarations.PACK_TYPE + "\\b(.*?)^\\s*end\\b", Pattern.MULTILINE);
    private static final Pattern PARENT_FIELD = Pattern.compile("(?m)^\\s*parent\\s*:\\s*String\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\n]*");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    /**
     * One pack of a chain as its own folder holds it.
     *
     * @param packageName the DRL package of the file that declares its {@code Pack}
     * @param hash        the hash of this pack composed with its own parents: what a decision of it alone would say
     * @param packFile    the file that declares its {@code Pack} (and its {@code Terms}); null when none does
     */
    record Layer(Path folder, String packageName, String hash, Path packFile) {
        /** Whether {@code file} is one of this pack's own files. */
        boolean holds(Path file) {
            return folder.equals(file.getParent());
        }
    }

    /** A {@code parent : String = "..."} line of a {@code declare Pack}. */
    private record Reference(String value, Path file, int line) {
    }

    /** The only pack of a folder without a parent, or the pack composed with every parent it names. */
    static PackChain of(PackFiles own) throws RuleLoadException {
        return compose(own, new ArrayList<>());
    }

    /** The layer that is the pack itself: the child. */
    Layer nearest() {
        return layers.get(layers.size() - 1);
    }

    /** The layer whose folder holds {@code file}; the child's when none does. */
    Layer layerOf(Path file) {
        for (Layer layer : layers) {
            if (layer.holds(file)) return layer;
        }
        return nearest();
    }

    private static PackChain compose(PackFiles own, List<String> seen) throws RuleLoadException {
        PackFiles.DrlFile packFile = packFile(own);
        String packageName = packFile == null ? null : packageOf(packFile.text());
        Reference reference = packFile == null ? null : parentOf(packFile);
        if (reference == null) {
            Layer only = new Layer(own.folder(), packageName, own.hash(), packFile == null ? null : packFile.path());
            return new PackChain(withSentenceCheck(own), List.of(only), List.of());
        }
        seen.add(identity(own.folder()));
        Path parentFolder = resolve(reference, own.folder());
        String parentIdentity = identity(parentFolder);
        if (seen.contains(parentIdentity)) {
            throw at(reference, "parent \"" + reference.value() + "\" extends this pack again: a pack cannot extend itself,"
                    + " through any number of parents");
        }
        PackChain parent;
        try {
            parent = compose(PackFiles.read(parentFolder), seen);
        } catch (RuleLoadException e) {
            List<RuleProblem> problems = e.problems();
            // the parent's own folder problems (no .drl files, a versioned pack, ...) are told where the child names it
            if (problems.size() == 1 && problems.get(0).line() == 0 && problems.get(0).file().equals(parentFolder)) {
                throw at(reference, "parent \"" + reference.value() + "\": " + parentFolder + " " + problems.get(0).message());
            }
            throw e;
        }
        List<RuleProblem> problems = new ArrayList<>(own.problems());
        for (Layer layer : parent.layers()) {
            if (packageName != null && packageName.equals(layer.packageName())) {
                problems.add(RuleProblem.error(packFile.path(), lineOf(packFile.text(), PACKAGE), "package " + packageName
                        + " is also the package of the pack it extends (" + layer.folder() + "): a pack that extends another has a package of its own"));
            }
        }
        List<PackFiles.DrlFile> files = new ArrayList<>(parent.files().files());
        Set<Path> parentPackFiles = new LinkedHashSet<>();
        for (Layer layer : parent.layers()) {
            if (layer.packFile() != null) parentPackFiles.add(layer.packFile());
        }
        List<PackFiles.DrlFile> added = new ArrayList<>();
        List<PackFiles.DrlFile> removed = new ArrayList<>(parent.removed());
        for (PackFiles.DrlFile file : own.files()) {
            String name = file.path().getFileName().toString();
            if (file == packFile) {
                added.add(file);
                continue;
            }
            boolean replacesPackFile = files.stream().anyMatch(f -> parentPackFiles.contains(f.path()) && sameName(f, name));
            if (replacesPackFile) {
                problems.add(RuleProblem.error(file.path(), 1, name + " would replace the parent's " + name + ", which declares its Pack"
                        + " and Terms: a child changes terms in its own Terms; give this file another name"));
                continue;
            }
            // a file of the same name replaces the parent's; an empty one only drops it
            files.stream().filter(f -> sameName(f, name)).forEach(removed::add);
            files.removeIf(f -> sameName(f, name));
            if (!isEmpty(file.text())) added.add(file);
        }
        files.addAll(added);
        List<PackFiles.SentenceFile> sentences = new ArrayList<>(parent.files().sentences());
        sentences.addAll(own.sentences());
        PackFiles.CalendarBytes calendar = own.calendar() != null ? own.calendar() : parent.files().calendar();
        String hash = combined(own.hash(), parent.files().hash());
        List<Layer> layers = new ArrayList<>(parent.layers());
        layers.add(new Layer(own.folder(), packageName, hash, packFile.path()));
        PackFiles composed = new PackFiles(own.folder(), List.copyOf(files), List.copyOf(sentences), calendar, hash, List.copyOf(problems));
        return new PackChain(withSentenceCheck(composed), List.copyOf(layers), List.copyOf(removed));
    }

    private static PackFiles withSentenceCheck(PackFiles files) {
        RuleProblem none = files.noSentences();
        if (none == null) return files;
        List<RuleProblem> problems = new ArrayList<>(files.problems());
        problems.add(none);
        return new PackFiles(files.folder(), files.files(), files.sentences(), files.calendar(), files.hash(), List.copyOf(problems));
    }

    /** A file of nothing but comments (saying why it is empty) and at most its package line: it only drops the parent's. */
    private static boolean isEmpty(String text) {
        String code = BLOCK_COMMENT.matcher(text).replaceAll("");
        code = LINE_COMMENT.matcher(code).replaceAll("");
        code = PACKAGE.matcher(code).replaceAll("");
        return code.replace(";", "").isBlank();
    }

    private static boolean sameName(PackFiles.DrlFile file, String name) {
        return file.path().getFileName().toString().equals(name);
    }

    /** The file that declares the pack's {@code Pack}: its identity, and its parent if it has one. */
    private static PackFiles.DrlFile packFile(PackFiles own) {
        for (PackFiles.DrlFile file : own.files()) {
            if (PACK_DECLARATION.matcher(file.text()).find()) return file;
        }
        return null;
    }

    private static String packageOf(String text) {
        Matcher name = PACKAGE.matcher(text);
        return name.find() ? name.group(1) : null;
    }

    private static Reference parentOf(PackFiles.DrlFile file) {
        Matcher declaration = PACK_DECLARATION.matcher(file.text());
        if (!declaration.find()) return null;
        Matcher parent = PARENT_FIELD.matcher(declaration.group(1));
        if (!parent.find()) return null;
        int offset = declaration.start(1) + parent.start(1);
        return new Reference(parent.group(1).strip(), file.path(), PackFiles.lineAt(file.text(), offset));
    }

    /** A bundled pack's name, or else a folder relative to the child's. */
    private static Path resolve(Reference reference, Path childFolder) throws RuleLoadException {
        String value = reference.value();
        if (value.isEmpty()) throw at(reference, "parent is empty: name a bundled pack (such as store-standard) or a folder relative to this pack");
        if (!value.contains("/") && !value.contains("\\") && PackFiles.bundledNames().contains(value)) {
            return PackFiles.bundledFolder(value);
        }
        Path folder;
        try {
            folder = childFolder.resolve(value).normalize();
        } catch (RuntimeException e) {
            folder = null;
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw at(reference, "parent \"" + value + "\": no bundled pack of that name (bundled: "
                    + String.join(", ", PackFiles.bundledNames()) + ") and no folder " + value + " next to " + childFolder);
        }
        return folder;
    }

    private static String identity(Path folder) {
        try {
            return folder.toRealPath().toUri().toString();
        } catch (Exception e) {
            return folder.toAbsolutePath().normalize().toUri().toString();
        }
    }

    private static RuleLoadException at(Reference reference, String message) {
        return new RuleLoadException(List.of(RuleProblem.error(reference.file(), reference.line(), message)));
    }

    private static int lineOf(String text, Pattern pattern) {
        Matcher found = pattern.matcher(text);
        return found.find() ? PackFiles.lineAt(text, found.start(1)) : 1;
    }

    /** A child's hash covers its own files and, through its parent's hash, every file that made it. */
    private static String combined(String own, String parent) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((own + "\n" + parent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
