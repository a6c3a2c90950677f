package io.policyengine.examples.access;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a callers file (contract 15): one caller a line, {@code name role stores token-hash}, separated by
 * spaces or tabs; {@code #} starts a comment line, or a comment after the four fields.
 *
 * <pre>
 * till-sh12   counter  SH-0012          sha256:9f86d08…
 * mgr-east    manager  SH-0012;SH-OUT-1 sha256:…
 * ops         admin    *                sha256:…
 * </pre>
 */
public final class CallersFile {
    /** A name goes into the decision log and onto stderr: letters, digits and {@code . _ @ -} keep both readable. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-fA-F]{64}");
    private static final Pattern STORE = Pattern.compile("[^\\s;,]+");

    /** A callers file that cannot go live, with every problem of it, one {@code FILE:LINE: problem} each. */
    public static final class Unusable extends Exception {
        private final List<String> problems;

        Unusable(List<String> problems) {
            super(String.join(System.lineSeparator(), problems), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private CallersFile() {
    }

    /** The callers of the file; every problem at once when it has any. */
    public static Callers read(Path file) throws Unusable {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Unusable(List.of(file + ": no such file"));
        } catch (IOException e) {
            throw new Unusable(List.of(file + ": cannot be read (" + e.getMessage() + ")"));
        }
        return parse(file.toString(), bytes);
    }

    /** The callers of a file's bytes, {@code source} naming it in problems. */
    static Callers parse(String source, byte[] bytes) throws Unusable {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unusable(List.of(source + ":1: not UTF-8 text"));
        }
        List<String> problems = new ArrayList<>();
        List<Callers.Entry> entries = new ArrayList<>();
        Map<String, Integer> nameLines = new HashMap<>();
        Map<String, String> hashCallers = new HashMap<>();
        Map<String, Integer> hashLines = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = number == 1 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) continue;
            String[] fields = stripped.split("\\s+");
            int count = fields.length;
            for (int f = 4; f < fields.length; f++) {
                if (fields[f].startsWith("#")) {
                    count = f;
                    break;
                }
            }
            String at = source + ":" + number + ": ";
            if (count != 4) {
                problems.add(at + "expected 4 fields, name role stores token-hash, got " + count
                        + (count > 4 ? " (a comment after them starts with #)" : ""));
                continue;
            }
            List<String> lineProblems = new ArrayList<>();
            String name = fields[0];
            if (!NAME.matcher(name).matches()) {
                lineProblems.add(nameProblem(name));
            } else if (nameLines.containsKey(name)) {
                lineProblems.add("name: " + name + " is also on line " + nameLines.get(name));
            } else {
                nameLines.put(name, number);
            }
            Role role = Role.named(fields[1]);
            if (role == null) lineProblems.add(roleProblem(fields[1]));
            List<String> stores = stores(fields[2], lineProblems);
            String hash = fields[3];
            if (!HASH.matcher(hash).matches()) {
                lineProblems.add("token-hash: expected sha256: and 64 hex digits, the token's SHA-256"
                        + " (the file never holds a token; ./policy token NAME prints a line)");
            } else {
                String key = hash.toLowerCase(java.util.Locale.ROOT);
                if (hashCallers.containsKey(key)) {
                    lineProblems.add("token-hash: the same token as " + hashCallers.get(key) + "'s on line "
                            + hashLines.get(key) + "; each caller needs a token of its own");
                } else {
                    hashCallers.put(key, name);
                    hashLines.put(key, number);
                }
            }
            for (String problem : lineProblems) problems.add(at + problem);
            if (lineProblems.isEmpty()) {
                byte[] digest = HexFormat.of().parseHex(hash.substring(Tokens.HASH_PREFIX.length()));
                entries.add(new Callers.Entry(new Caller(name, role, stores, "token"), digest));
            }
        }
        if (problems.isEmpty() && entries.isEmpty()) {
            problems.add(source + ":1: no callers; one a line: name role stores token-hash");
        }
        if (!problems.isEmpty()) throw new Unusable(problems);
        return new Callers(entries);
    }

    /**
     * The callers file's line for a new token, {@code name role stores sha256:...}, checked as the file is.
     *
     * @throws IllegalArgumentException naming the field ({@code name: ...}, {@code role: ...}, {@code stores: ...})
     */
    public static String line(String name, String role, String stores, String token) {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException(nameProblem(name));
        if (Role.named(role) == null) throw new IllegalArgumentException(roleProblem(role));
        if (stores.isEmpty() || stores.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(storesProblem(stores));
        }
        String line = String.join(" ", name, role, stores, Tokens.hash(token));
        try {
            parse("", (line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (Unusable e) {
            throw new IllegalArgumentException(e.problems().get(0).substring(":1: ".length()));
        }
        return line;
    }

    /** Whether {@code name} may name a caller: it goes into the decision log and onto stderr as it is. */
    static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    private static String nameProblem(String name) {
        return "name: \"" + name + "\" is not a name (letters, digits and . _ @ -, up to 64)";
    }

    private static String roleProblem(String role) {
        return "role: \"" + role + "\" is not a role; roles: " + Role.names();
    }

    private static String storesProblem(String stores) {
        return "stores: expected store ids separated by ; (or * for every store), got \"" + stores + "\"";
    }

    /** {@code SH-0012;SH-OUT-1} or {@code *}. */
    private static List<String> stores(String field, List<String> problems) {
        if (field.equals(Caller.ALL_STORES)) return List.of(Caller.ALL_STORES);
        List<String> stores = new ArrayList<>();
        for (String store : field.split(";", -1)) {
            if (store.equals(Caller.ALL_STORES)) {
                problems.add("stores: * means every store and stands alone, got \"" + field + "\"");
                return List.of();
            }
            if (!STORE.matcher(store).matches()) {
                problems.add(storesProblem(field));
                return List.of();
            }
            if (stores.contains(store)) {
                problems.add("stores: " + store + " is named twice");
                return List.of();
            }
            stores.add(store);
        }
        return stores;
    }
}
