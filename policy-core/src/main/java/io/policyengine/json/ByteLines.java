package io.policyengine.json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An input read as lines of bytes, each decoded as UTF-8 on its own, so that a line that is not
 * UTF-8 costs only itself (a decoder over the whole input fails a whole buffer at a time). Line
 * breaks are {@code \n}, {@code \r\n} or {@code \r}, as for {@link java.io.BufferedReader#readLine}.
 */
final class ByteLines {
    private static final int SIZE = 1 << 16;
    /** The longest line kept: one claim's limit. A longer line is skipped, not held in memory. */
    static final int MAX_LINE_BYTES = 1 << 20;
    /** What {@link #readLine} gives for a line over {@link #MAX_LINE_BYTES}; compared by identity. */
    static final byte[] TOO_LONG = {0};

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;

    ByteLines(InputStream in) {
        this.in = in;
        this.buffer = new byte[bufferSize(in)];
    }

    /**
     * 64 KiB, or less for a body already in memory that is smaller: a one-claim request of a few hundred bytes
     * would otherwise pay for clearing 64 KiB it never uses (a few microseconds of each request to {@code serve}).
     */
    private static int bufferSize(InputStream in) {
        if (!(in instanceof ByteArrayInputStream inMemory)) return SIZE;
        return Math.min(SIZE, inMemory.available() + 1); // +1: the end is seen by a read that returns -1, not 0
    }

    /** The next byte without reading it, or -1 at the end. */
    int peek() throws IOException {
        return position < limit || fill() ? buffer[position] & 0xFF : -1;
    }

    /** The next byte, or -1 at the end. */
    int read() throws IOException {
        return position < limit || fill() ? buffer[position++] & 0xFF : -1;
    }

    /** Whether the next bytes are {@code prefix}; reads nothing. */
    boolean startsWith(byte[] prefix) throws IOException {
        while (limit - position < prefix.length) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) return false;
            limit += n;
        }
        return Arrays.equals(buffer, position, position + prefix.length, prefix, 0, prefix.length);
    }

    /**
     * The next line's bytes without reading them, when its line break is already buffered; null when the
     * line runs past the buffer (a huge one-line value) or the input ends first.
     */
    byte[] peekLine() throws IOException {
        if (position >= limit && !fill()) return null;
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n' || buffer[i] == '\r') return Arrays.copyOfRange(buffer, position, i);
        }
        return null;
    }

    /** Reads {@code count} bytes and forgets them. */
    void skip(int count) throws IOException {
        for (int i = 0; i < count; i++) read();
    }

    /**
     * The bytes of the next line without its line break, or null at the end of the input; {@link #TOO_LONG}
     * for a line over {@link #MAX_LINE_BYTES}, which is read to its end and dropped.
     */
    byte[] readLine() throws IOException {
        if (position >= limit && !fill()) return null;
        ByteArrayOutputStream longLine = null;
        boolean tooLong = false;
        while (true) {
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') position++;
            if (position < limit) {
                byte lineBreak = buffer[position++];
                byte[] line = tooLong ? TOO_LONG : join(longLine, start, position - 1);
                if (line.length > MAX_LINE_BYTES) line = TOO_LONG;
                if (lineBreak == '\r' && peek() == '\n') position++;
                return line;
            }
            if (!tooLong) {
                if (longLine == null) longLine = new ByteArrayOutputStream();
                longLine.write(buffer, start, position - start);
                if (longLine.size() > MAX_LINE_BYTES) {
                    tooLong = true;
                    longLine = null;
                }
            }
            if (!fill()) return tooLong ? TOO_LONG : longLine.toByteArray();
        }
    }

    /** The rest of the input, starting with what is buffered. */
    InputStream rest() {
        InputStream buffered = new ByteArrayInputStream(buffer, position, limit - position);
        position = limit;
        return new SequenceInputStream(buffered, in);
    }

    /** The line's bytes as text. */
    static String decode(byte[] line) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line)).toString();
    }

    private byte[] join(ByteArrayOutputStream longLine, int from, int to) {
        if (longLine == null) return Arrays.copyOfRange(buffer, from, to);
        longLine.write(buffer, from, to - from);
        return longLine.toByteArray();
    }

    private boolean fill() throws IOException {
        position = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) return false;
        limit = n;
        return true;
    }
}
