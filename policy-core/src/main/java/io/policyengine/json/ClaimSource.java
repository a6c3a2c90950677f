package io.policyengine.json;

import io.policyengine.model.Claim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The claims of one input (a file, or {@code -} for standard input), read one at a time so that an
 * input of any size is never held in memory. Every claim and every problem comes out as an
 * {@link Item}, in input order; nothing is thrown.
 *
 * <p>Accepted formats, told apart by the input itself:
 * <ul>
 *   <li><b>a JSON array</b> of claims (first non-blank character {@code [}), streamed element by element;
 *       an item's line is the line where its element starts;</li>
 *   <li><b>JSON Lines</b>: one claim per line (detected when the first non-blank line is a complete JSON
 *       value, or is not UTF-8, or is a value cut short with a whole claim (an object with an {@code id})
 *       alone on one of the next lines: a damaged first record); blank lines are skipped, and a line that is not JSON (or not UTF-8) is one
 *       error item, after which reading goes on with the next line. A byte-order mark at the start of a
 *       line is ignored, as at the start of the input;</li>
 *   <li><b>pretty-printed claims</b>: one or more claim objects over many lines (detected when the first
 *       non-blank line is an incomplete JSON value), read as a sequence of JSON values.</li>
 * </ul>
 * In the array and pretty-printed formats a syntax error ends the input with one error item at the
 * error's line, because nothing after it can be trusted.
 *
 * <p>A claim may also come as an <i>example</i>, {@code {"claim": {...}, "expect": {...}}} (an object
 * whose only keys are {@code claim} and optionally {@code expect}); its claim is read and its
 * {@code expect} is ignored here, so that example files can be decided as they are.
 *
 * <p>Problems with the input as a whole (no such file, a directory, empty input) are one error item
 * at line 0. Duplicate keys are bad input naming the field.
 *
 * <p>A source can be iterated once. Closing it closes the file it opened; a stream passed in (such as
 * standard input) is left open for its owner.
 */
public final class ClaimSource implements Iterable<ClaimSource.Item>, AutoCloseable {

    /** The command-line argument that means standard input. */
    public static final String STDIN = "-";
    private static final String STDIN_NAME = "<stdin>";
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Lines read after an unfinished first line to tell JSON Lines from pretty-printed claims. */
    private static final int LOOK_AHEAD = 16;
    private static final byte[] UTF_16LE = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF_16BE = {(byte) 0xFE, (byte) 0xFF};

    /**
     * One claim of the input, or one problem with it.
     *
     * @param source  the file name as given, or {@code <stdin>}
     * @param line    the line where the claim starts (1-based); 0 for a problem with the input as a whole
     * @param claim   the claim; null when {@code error} is set
     * @param claimId the claim's id, when known (also for a bad claim with a readable string id)
     * @param error   a one-line description of the problem; null for a good claim
     */
    public record Item(String source, int line, Claim claim, String claimId, String error) implements Unread {

        static Item of(String source, int line, Claim claim) {
            return new Item(source, line, claim, claim.id(), null);
        }

        static Item error(String source, int line, String claimId, String error) {
            return new Item(source, line, null, claimId, error);
        }

        public boolean isError() {
            return error != null;
        }

        /** An item already read is itself. */
        @Override
        public Item read() {
            return this;
        }
    }

    /**
     * An item of the input that may not be parsed yet: a line of JSON Lines is handed out as its bytes
     * and parsed by {@link #read}, which may run on any thread, so that many lines can be parsed at once.
     */
    public interface Unread {
        Item read();
    }

    private final String source;
    private final Path file;
    private final InputStream stream;
    private InputStream opened;
    private boolean iterated;

    private ClaimSource(String source, Path file, InputStream stream) {
        this.source = source;
        this.file = file;
        this.stream = stream;
    }

    /** A command-line argument: a file path, or {@code -} for {@link System#in}. */
    public static ClaimSource open(String argument) {
        return open(argument, System.in);
    }

    /** A command-line argument: a file path, or {@code -} for {@code stdin}. */
    public static ClaimSource open(String argument, InputStream stdin) {
        if (STDIN.equals(argument)) return of(STDIN_NAME, stdin);
        try {
            return open(Path.of(argument));
        } catch (InvalidPathException e) {
            return new ClaimSource(argument, null, null);
        }
    }

    public static ClaimSource open(Path file) {
        return new ClaimSource(file.toString(), file, null);
    }

    /** Claims read from a stream the caller owns; {@code source} names it in items. */
    public static ClaimSource of(String source, InputStream in) {
        return new ClaimSource(source, null, in);
    }

    public String source() {
        return source;
    }

    @Override
    public Iterator<Item> iterator() {
        Iterator<Unread> unread = unread();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return unread.hasNext();
            }

            @Override
            public Item next() {
                return unread.next().read();
            }
        };
    }

    /**
     * The items as {@link #iterator} gives them, in input order, each to be {@link Unread#read read} by the
     * caller, on any thread: JSON Lines are split here and parsed there.
     */
    public Iterator<Unread> unread() {
        if (iterated) throw new IllegalStateException(source + " has already been read");
        iterated = true;
        InputStream in = stream;
        if (in == null) {
            if (file == null) return single(0, "no such file");
            if (Files.isDirectory(file)) return single(0, "is a directory");
            try {
                in = Files.newInputStream(file);
            } catch (IOException e) {
                return single(0, fileProblem(e));
            }
        }
        if (stream == null) opened = in;
        try {
            return detectFormat(new ByteLines(in));
        } catch (IOException e) {
            return single(0, Json.readProblem(e));
        }
    }

    @Override
    public void close() {
        if (opened == null) return;
        try {
            opened.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileProblem(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        return Json.readProblem(e);
    }

    private Iterator<Unread> detectFormat(ByteLines in) throws IOException {
        if (in.startsWith(UTF_16LE) || in.startsWith(UTF_16BE)) return single(0, "not valid UTF-8: it is UTF-16; save it as UTF-8");
        int blankLines = skipWhitespace(in);
        if (blankLines < 0) return single(0, "empty input: no claims");
        if (in.peek() == '[' && isArrayStart(in.peekLine())) return new JsonValueStream(source, utf8(in.rest()), blankLines);
        byte[] first = in.readLine();
        if (first == ByteLines.TOO_LONG) return new JsonLinesReader(source, in, blankLines, List.of(first));
        // A good claim alone on the first line (JSON Lines, or the one claim of a request to serve) is read straight
        // from its bytes, which is quicker than decoding it and tokenizing the text to see that it is whole.
        Claim firstClaim = ClaimTokens.readLine(first);
        if (firstClaim != null) return new JsonLinesReader(source, in, blankLines, first, firstClaim);
        String firstLine;
        try {
            firstLine = ByteLines.decode(first);
        } catch (CharacterCodingException e) {
            return new JsonLinesReader(source, in, blankLines, List.of(first)); // that line is the first error
        }
        if (!JsonLinesReader.isIncomplete(firstLine)) return new JsonLinesReader(source, in, blankLines, List.of(first));
        // A value cut short on the first line is a pretty-printed claim, or the first record of JSON Lines
        // damaged (truncated, or split by a stray line break): a whole claim alone on one of the next
        // lines means JSON Lines, which a pretty-printed claim never has, and those lines must not be lost.
        List<byte[]> ahead = new ArrayList<>();
        ahead.add(first);
        byte[] next;
        int nonBlank = 0;
        while (nonBlank < LOOK_AHEAD && (next = in.readLine()) != null) {
            ahead.add(next);
            if (isBlank(next)) continue;
            nonBlank++;
            if (JsonLinesReader.isWholeClaim(next)) return new JsonLinesReader(source, in, blankLines, ahead);
        }
        StringBuilder prefix = new StringBuilder();
        for (byte[] line : ahead) {
            try {
                prefix.append(ByteLines.decode(line)).append('\n');
            } catch (CharacterCodingException e) {
                return new JsonLinesReader(source, in, blankLines, ahead);
            }
        }
        return new JsonValueStream(source, new PrefixedReader(prefix.toString(), utf8(in.rest())), blankLines);
    }

    /**
     * Whether a first line that starts with {@code [} opens a JSON array of claims, to be streamed: a line
     * too long to look at (a huge one-line array), a whole array, or the start of one that goes on, as
     * {@code [}, {@code [{...},} or {@code [{"id": "A",} do. Otherwise it is the first line of JSON Lines,
     * damaged ({@code [{...}} without its comma, {@code [[[{...}}), and the lines after it must not be lost.
     */
    private static boolean isArrayStart(byte[] firstLine) {
        if (firstLine == null) return true;
        if (JsonLinesReader.isBroken(firstLine)) return false;
        String text = new String(firstLine, StandardCharsets.UTF_8).strip();
        if (text.length() > 1 && text.substring(1).stripLeading().startsWith("[")) return false;
        if (!JsonLinesReader.isIncomplete(text)) return true;
        char last = text.charAt(text.length() - 1);
        return last == ',' || last == '[' || last == '{' || last == ':';
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t') return false;
        }
        return true;
    }

    private static Reader utf8(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
    }

    /**
     * Moves the input to the first byte that is not whitespace (a UTF-8 byte-order mark counts as whitespace).
     *
     * @return how many line breaks were passed, or -1 when the input holds nothing else
     */
    private static int skipWhitespace(ByteLines in) throws IOException {
        int lineBreaks = 0;
        int previous = -1;
        while (true) {
            int c = in.peek();
            if (c < 0) return -1;
            if (c == 0xEF && in.startsWith(BYTE_ORDER_MARK)) {
                in.skip(BYTE_ORDER_MARK.length);
                previous = -1;
                continue;
            }
            if (c == '\r' || (c == '\n' && previous != '\r')) lineBreaks++;
            else if (c != '\n' && c != ' ' && c != '\t') return lineBreaks;
            in.read();
            previous = c;
        }
    }

    private Iterator<Unread> single(int line, String error) {
        return List.<Unread>of(Item.error(source, line, null, error)).iterator();
    }

    /** The already-read first line, then the rest of the input. */
    private static final class PrefixedReader extends Reader {
        private final String prefix;
        private final Reader rest;
        private int position;

        PrefixedReader(String prefix, Reader rest) {
            this.prefix = prefix;
            this.rest = rest;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (position >= prefix.length()) return rest.read(buffer, offset, length);
            int count = Math.min(length, prefix.length() - position);
            prefix.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }
}
