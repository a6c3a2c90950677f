package io.policyengine.rules;

import io.policyengine.RuleLoadException;
import io.policyengine.RuleProblem;
import io.policyengine.model.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A pack as a rules folder holds it: either one pack (its {@code .drl} files directly in the folder),
 * which decides every claim, or one sub-folder per version, each declaring its {@code effectiveFrom}
 * date; a claim is then decided by the latest version in force on its purchase date.
 */
public final class PackVersions {
    /** The line of {@code declare Pack} that gives the version label: {@code version : String = "2"}. */
    private static final Pattern VERSION_FIELD = Pattern.compile("^\\s*version\\s*:");

    private final Path folder;
    private final List<Version> versions;

    /** A compiled version and the first purchase date it decides; {@code from} is null for an unversioned pack. */
    public record Version(LocalDate from, RulePack pack) {
    }

    private PackVersions(Path folder, List<Version> versions) {
        this.folder = folder;
        this.versions = List.copyOf(versions);
    }

    /** See {@link PackLoader#warmCompiler}: for a folder of one pack, or the first version of a folder of versions. */
    public static Optional<RulePack> warmCompiler(Path folder) {
        List<Path> subfolders = Files.isDirectory(folder) && !hasDrlFiles(folder) ? versionFolders(folder) : List.of();
        return PackLoader.warmCompiler(subfolders.isEmpty() ? folder : subfolders.get(0));
    }

    public static PackVersions load(Path folder) throws RuleLoadException {
        return load(folder, null);
    }

    /** The same, taking each version's pack from {@code compiled} (may be null) when it holds one of the same files. */
    public static PackVersions load(Path folder, PackCache compiled) throws RuleLoadException {
        List<Path> subfolders = Files.isDirectory(folder) ? versionFolders(folder) : List.of();
        if (hasDrlFiles(folder) && !subfolders.isEmpty()) {
            throw new RuleLoadException(List.of(RuleProblem.error(folder, 0, "holds both .drl files and version sub-folders ("
                    + String.join(", ", subfolders.stream().map(f -> f.getFileName().toString()).toList())
                    + "): a rules folder holds one pack, or one sub-folder per version; move the .drl files into their version's folder")));
        }
        if (!Files.isDirectory(folder) || hasDrlFiles(folder)) {
            return new PackVersions(folder, List.of(new Version(null, PackLoader.load(folder, compiled))));
        }
        if (subfolders.isEmpty()) return new PackVersions(folder, List.of(new Version(null, PackLoader.load(folder, compiled))));
        List<RuleProblem> problems = new ArrayList<>();
        List<Version> versions = new ArrayList<>();
        for (Path subfolder : subfolders) {
            try {
                RulePack pack = PackLoader.load(subfolder, compiled);
                String from = pack.metadata().get("effectiveFrom");
                if (from == null || from.isBlank() || from.equals("null")) {
                    problems.add(at(subfolder, "declare Pack", "this version declares no effectiveFrom in its Pack"));
                    continue;
                }
                try {
                    versions.add(new Version(LocalDate.parse(from), pack));
                } catch (DateTimeParseException e) {
                    problems.add(at(subfolder, "effectiveFrom", "effectiveFrom \"" + from + "\" is not a date YYYY-MM-DD"));
                }
            } catch (RuleLoadException e) {
                problems.addAll(e.problems());
            }
        }
        versions.sort(Comparator.comparing(Version::from));
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i).from().equals(versions.get(i - 1).from())) {
                problems.add(at(versions.get(i).pack().folder(), "effectiveFrom", "two versions take effect on "
                        + versions.get(i).from() + ": " + versions.get(i - 1).pack().policy().version() + " (in "
                        + versions.get(i - 1).pack().folder().getFileName() + ") and " + versions.get(i).pack().policy().version()));
            }
        }
        problems.addAll(sameLabels(versions));
        if (!problems.isEmpty()) throw new RuleLoadException(problems);
        return new PackVersions(folder, versions);
    }

    public static PackVersions bundled(String name) throws RuleLoadException {
        Path folder = PackFiles.bundledFolder(name);
        if (hasDrlFiles(folder)) return new PackVersions(folder, List.of(new Version(null, RulePack.bundled(name))));
        return load(folder);
    }

    public Path folder() {
        return folder;
    }

    /** The versions, oldest first; one version with no date for an unversioned pack. */
    public List<Version> versions() {
        return versions;
    }

    /** The newest version: what {@code policy()} and {@code terms()} describe. */
    public RulePack latest() {
        return versions.get(versions.size() - 1).pack();
    }

    public boolean isVersioned() {
        return versions.get(0).from() != null;
    }

    /** The version in force on {@code purchaseDate}: the latest whose effectiveFrom is on or before it. */
    public RulePack forPurchase(LocalDate purchaseDate) {
        if (!isVersioned()) return versions.get(0).pack();
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (!versions.get(i).from().isAfter(purchaseDate)) return versions.get(i).pack();
        }
        throw new BadInputException("purchaseDate", "no version of " + latest().policy().name() + " in force on " + purchaseDate);
    }

    /**
     * Two versions that declare the same {@code version} label: decisions of both would say the same
     * version. One problem per repeat, at the repeat's declaration, naming the first one's file and line.
     */
    private static List<RuleProblem> sameLabels(List<Version> versions) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleProblem> first = new HashMap<>();
        for (Version version : versions) {
            String label = version.pack().policy().version();
            RuleProblem declared = at(version.pack().folder(), VERSION_FIELD, "");
            RuleProblem earlier = first.putIfAbsent(label, declared);
            if (earlier != null) {
                problems.add(RuleProblem.error(declared.file(), declared.line(), "version \"" + label
                        + "\" is also declared by " + earlier.file() + ":" + earlier.line()
                        + "; each version sub-folder needs a version label of its own"));
            }
        }
        return problems;
    }

    /** A problem of a version, pointed at the first line of its rule files that holds {@code text}. */
    private static RuleProblem at(Path version, String text, String message) {
        return at(version, Pattern.compile(Pattern.quote(text)), message);
    }

    /** A problem of a version, pointed at the first line of its rule files where {@code pattern} is found. */
    private static RuleProblem at(Path version, Pattern pattern, String message) {
        try (Stream<Path> files = Files.list(version)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) return RuleProblem.error(file, i + 1, message);
                }
            }
        } catch (IOException e) {
            // the folder itself is then the best we can point at
        }
        return RuleProblem.error(version, 0, message);
    }

    private static boolean hasDrlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".drl"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sub-folders holding rule files, hidden ones left out: a Kubernetes ConfigMap mounted as the rules
     * folder holds its files as links into {@code ..data/} and a {@code ..TIMESTAMP/} folder, which are
     * the same pack, not versions of it.
     */
    private static List<Path> versionFolders(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isDirectory).filter(PackVersions::hasDrlFiles).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
