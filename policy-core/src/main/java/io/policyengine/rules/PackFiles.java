package io.policyengine.rules;

import io.policyengine.RuleLoadException;
import io.policyengine.RuleProblem;
import io.policyengine.text.PackSentences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * The DRL files of one pack folder, read once, with the hash of their content, and what is missing from
 * the folder that does not stop its rules from being compiled and checked (no sentence file).
 */
record PackFiles(Path folder, List<DrlFile> files, List<SentenceFile> sentences, CalendarBytes calendar, String hash,
                 List<RuleProblem> problems) {

    /** The pack's {@code calendar.txt} as bytes (contract 12.5); null when the pack has none. */
    record CalendarBytes(Path path, byte[] content) {
    }

    record DrlFile(Path path, String text) {
    }

    /** A {@code sentences.LANG.txt} file, as bytes: whether it is UTF-8 is checked line by line when it is read. */
    record SentenceFile(Path path, String languageTag, byte[] content) {
    }

    static final String BUNDLED_ROOT = "packs/";

    static PackFiles read(Path folder) throws RuleLoadException {
        if (!Files.isDirectory(folder)) {
            throw single(folder, Files.exists(folder) ? "not a folder" : "no such folder");
        }
        List<DrlFile> files = new ArrayList<>();
        List<SentenceFile> sentences = new ArrayList<>();
        CalendarBytes calendar = null;
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path path : listing.sorted().toList()) {
                if (isDrl(path)) {
                    files.add(new DrlFile(path, text(path, Files.readAllBytes(path))));
                } else if (Files.isRegularFile(path)) {
                    Matcher name = PackSentences.FILE_NAME.matcher(path.getFileName().toString());
                    if (name.matches()) sentences.add(new SentenceFile(path, name.group(1), Files.readAllBytes(path)));
                    if (path.getFileName().toString().equals(CalendarFile.NAME)) calendar = new CalendarBytes(path, Files.readAllBytes(path));
                }
            }
        } catch (NotUtf8 e) {
            throw new RuleLoadException(List.of(e.problem));
        } catch (NoSuchFileException e) {
            throw single(folder, "disappeared while being read");
        } catch (IOException | UncheckedIOException e) {
            throw single(folder, "cannot be read: " + e.getMessage());
        }
        if (files.isEmpty()) throw single(folder, "holds no .drl rule files");
        return new PackFiles(folder, List.copyOf(files), List.copyOf(sentences), calendar, hash(files, sentences, calendar),
                List.of());
    }

    /** The problem of a pack, composed with its parents, that has no sentences at all; null when it has some. */
    RuleProblem noSentences() {
        return !sentences.isEmpty() ? null : RuleProblem.error(folder, 0, "holds no sentences.LANG.txt file: a pack gives its reasons' "
                + "sentences in at least one language (sentences.en.txt; see docs/authoring-guide.md)");
    }

    /**
     * A rule file's text: UTF-8, with a leading byte-order mark dropped (editors on Windows write one).
     * Anything else is named with its first line that is not UTF-8, and how to fix it.
     */
    static String text(Path file, byte[] bytes) throws NotUtf8 {
        int from = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
        } catch (CharacterCodingException e) {
            String hint = bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                    ? "it is UTF-16; save it as UTF-8" : "save it as UTF-8 (it looks like another encoding, such as GBK or Latin-1)";
            throw new NotUtf8(RuleProblem.error(file, firstBadLine(bytes, from), "not valid UTF-8: " + hint));
        }
    }

    private static int firstBadLine(byte[] bytes, int from) {
        int line = 1;
        int start = from;
        for (int i = from; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
    }

    /** A rule file that is not UTF-8. */
    static final class NotUtf8 extends Exception {
        final RuleProblem problem;

        NotUtf8(RuleProblem problem) {
            super(problem.toString(), null, false, false);
            this.problem = problem;
        }
    }

    /** The folder of a pack bundled on the classpath under {@code packs/NAME/}. */
    static Path bundledFolder(String name) throws RuleLoadException {
        URL url = PackFiles.class.getClassLoader().getResource(BUNDLED_ROOT + name + "/");
        if (url == null || name.isBlank() || name.contains("/")) {
            throw single(Path.of(name), "no bundled pack of that name (bundled: " + String.join(", ", bundledNames()) + ")");
        }
        return toPath(url);
    }

    static List<String> bundledNames() {
        URL url = PackFiles.class.getClassLoader().getResource(BUNDLED_ROOT);
        if (url == null) return List.of();
        try (Stream<Path> listing = Files.list(toPath(url))) {
            // the executable model's classes live in folders named after the DRL packages (packs/storestandard/): not packs
            return listing.filter(Files::isDirectory).filter(PackFiles::holdsRules)
                    .map(p -> p.getFileName().toString().replace("/", ""))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The line, from 1, of the character at {@code offset} in {@code text}: how every problem of a rule file is placed. */
    static int lineAt(String text, int offset) {
        return lineAt(lineStarts(text), offset);
    }

    /** Where each line of {@code text} starts, for {@link #lineAt(int[], int)}: a file with many rules is scanned once, not once a rule. */
    static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1; // line 1 starts at 0
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '\n') continue;
            if (count == starts.length) starts = java.util.Arrays.copyOf(starts, count * 2);
            starts[count++] = i + 1;
        }
        return java.util.Arrays.copyOf(starts, count);
    }

    /** The line, from 1, of the character at {@code offset}, given its text's {@link #lineStarts}. */
    static int lineAt(int[] lineStarts, int offset) {
        int found = java.util.Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private static boolean holdsRules(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".drl"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path toPath(URL url) {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // another pack from the same jar opened it first
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read bundled packs at " + url, e);
        }
    }

    private static boolean isDrl(Path path) {
        return path.getFileName().toString().endsWith(".drl") && Files.isRegularFile(path);
    }

    /**
     * The hash of the rules alone, the DRL files' names and text: all that compiling them depends on (the sentences and
     * the calendar are read from the folder whatever the rules were compiled from).
     */
    String rulesHash() {
        return hash(files, List.of(), null);
    }

    /** The rules', their sentences' and calendar's content: a reworded sentence is another policy text, so another hash. */
    private static String hash(List<DrlFile> files, List<SentenceFile> sentences, CalendarBytes calendar) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DrlFile file : files) {
                digest.update(file.path().getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            for (SentenceFile file : sentences) {
                digest.update(file.path().getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content());
                digest.update((byte) 0);
            }
            if (calendar != null) digest.update(calendar.content());  // another holiday is another due date
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static RuleLoadException single(Path path, String message) {
        return new RuleLoadException(List.of(RuleProblem.error(path, 0, message)));
    }
}
