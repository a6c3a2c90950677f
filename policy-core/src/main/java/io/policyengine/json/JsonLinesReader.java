package io.policyengine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.policyengine.json.ClaimSource.Item;
import io.policyengine.model.Claim;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * JSON Lines: one claim per line, each line decoded and parsed on its own so that a bad line (not
 * JSON, or not even UTF-8) costs only itself.
 */
final class JsonLinesReader extends ItemReader {

    private final ByteLines in;
    private final Deque<byte[]> pending;
    /** The first line's claim when it was read already; null once given out, or when it was not. */
    private Claim firstClaim;
    private int lineNumber;
    private boolean done;

    /**
     * @param linesBefore how many lines precede {@code readAhead}
     * @param readAhead   the first non-blank line and any lines after it, already read from {@code in}
     */
    JsonLinesReader(String source, ByteLines in, int linesBefore, List<byte[]> readAhead) {
        this(source, in, linesBefore, readAhead, null);
    }

    /** The same, the first line's claim already read (by {@link ClaimSource}, to tell the input is JSON Lines): it is not read again. */
    JsonLinesReader(String source, ByteLines in, int linesBefore, byte[] firstLine, Claim firstClaim) {
        this(source, in, linesBefore, List.of(firstLine), firstClaim);
    }

    private JsonLinesReader(String source, ByteLines in, int linesBefore, List<byte[]> readAhead, Claim firstClaim) {
        super(source);
        this.in = in;
        this.lineNumber = linesBefore;
        this.pending = new ArrayDeque<>(readAhead);
        this.firstClaim = firstClaim;
    }

    /** Whether the line is not UTF-8, or not JSON in a way that no line after it can mend. */
    static boolean isBroken(byte[] bytes) {
        String line;
        try {
            line = ByteLines.decode(bytes);
        } catch (CharacterCodingException e) {
            return true;
        }
        try (JsonParser parser = Json.FACTORY.createParser(line)) {
            while (parser.nextToken() != null) {
                // tokenize only
            }
            return false;
        } catch (IOException e) {
            return !endsEarly(e);
        }
    }

    /**
     * Whether the line holds one whole JSON object and nothing else, with an {@code id} or a {@code claim}:
     * a claim or an example on one line, as no line of a pretty-printed claim is.
     */
    static boolean isWholeClaim(byte[] bytes) {
        try (JsonParser parser = Json.FACTORY.createParser(stripBom(ByteLines.decode(bytes)))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return false;
            boolean named = false;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                named |= parser.currentName().equals("id") || parser.currentName().equals("claim");
                parser.nextToken();
                parser.skipChildren();
            }
            return named && parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the line is the start of a JSON value that goes on past the end of the line. */
    static boolean isIncomplete(String line) {
        try (JsonParser parser = Json.FACTORY.createParser(line)) {
            while (parser.nextToken() != null) {
                // tokenize only: no tree is built for a line that may be the start of a huge value
            }
            return false;
        } catch (IOException e) {
            return endsEarly(e);
        }
    }

    /** The line ended inside a value (Jackson says so in two ways, depending on where it ended). */
    private static boolean endsEarly(IOException e) {
        return e instanceof JsonEOFException || String.valueOf(e.getMessage()).startsWith("Unexpected end-of-input");
    }

    @Override
    protected ClaimSource.Unread read() {
        while (!done) {
            byte[] bytes;
            try {
                bytes = pending.isEmpty() ? in.readLine() : pending.poll();
            } catch (IOException e) {
                done = true;
                return error(lineNumber + 1, Json.readProblem(e));
            }
            if (bytes == null) {
                done = true;
            } else if (bytes == ByteLines.TOO_LONG) {
                return error(++lineNumber, "line over " + (ByteLines.MAX_LINE_BYTES >> 20)
                        + " MiB, the limit for one claim: not read");
            } else {
                lineNumber++;
                if (firstClaim != null) return readAlready(lineNumber);
                if (!isBlank(bytes)) return new Line(this, lineNumber, bytes);
            }
        }
        return null;
    }

    /**
     * Whether the line holds only whitespace, as {@link String#isBlank} says of it decoded; a line that is not
     * UTF-8 is not blank (it is an error). Decodes only a line that does not start with plain ASCII.
     */
    private static boolean isBlank(byte[] bytes) {
        if (bytes.length == 0) return true;
        byte first = bytes[0];
        if (first > ' ' && first < 0x7F) return false;
        try {
            return decode(bytes).isBlank();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private ClaimSource.Unread readAlready(int number) {
        Item item = Item.of(source, number, firstClaim);
        firstClaim = null;
        return () -> item;
    }

    /** A non-blank line, not parsed yet: {@link #read} decodes and parses it, on any thread. */
    private record Line(JsonLinesReader reader, int number, byte[] bytes) implements ClaimSource.Unread {
        @Override
        public Item read() {
            Claim claim = ClaimTokens.readLine(bytes);
            if (claim != null) return Item.of(reader.source, number, claim);
            String line;
            try {
                line = decode(bytes);
            } catch (CharacterCodingException e) {
                return reader.error(number, Json.readProblem(e));
            }
            return reader.readLine(line, number);
        }
    }

    private static String decode(byte[] line) throws CharacterCodingException {
        return stripBom(ByteLines.decode(line));
    }

    /** A byte-order mark is accepted at the start of any line, as at the start of the input (files joined with cat). */
    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Parses one line, on any thread: no state of the reader but its source's name is used. */
    private Item readLine(String line, int lineNumber) {
        try (JsonParser parser = Json.FACTORY.createParser(line)) {
            if (parser.nextToken() == null) return error(lineNumber, "not JSON: no value on the line");
            Item item = readClaim(parser, lineNumber);
            if (parser.nextToken() != null) return error(lineNumber, "not JSON: more than one value on the line");
            return item;
        } catch (Unreadable e) {
            return error(lineNumber, e.problem);
        } catch (JsonProcessingException e) {
            return error(lineNumber, Json.problem(e));
        } catch (IOException e) {
            return error(lineNumber, Json.readProblem(e));
        }
    }
}
