package io.policyengine.text;

import io.policyengine.RuleProblem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The lines of a pack's text file (sentences, calendar), numbered from 1; a leading byte-order mark is dropped. */
public final class Utf8Lines {

    /** One line, without its line break. */
    public record Line(int number, String text) {
    }

    private Utf8Lines() {
    }

    /**
     * Every line that is UTF-8, decoded as the iteration reaches it; a line that is not is left out and added to
     * {@code problems} with its number right then, so that the problems of a file come in line order.
     */
    public static Iterable<Line> of(Path file, byte[] content, List<RuleProblem> problems) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        return () -> new Iterator<>() {
            private int from = start;
            private int number;
            private Line next;

            private Line advance() {
                while (from < content.length) {
                    int end = from;
                    while (end < content.length && content[end] != '\n') end++;
                    number++;
                    int begin = from;
                    from = end + 1;
                    try {
                        return new Line(number, utf8.decode(ByteBuffer.wrap(content, begin, end - begin)).toString());
                    } catch (CharacterCodingException e) {
                        problems.add(RuleProblem.error(file, number, "not valid UTF-8: save the file as UTF-8"));
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                if (next == null) next = advance();
                return next != null;
            }

            @Override
            public Line next() {
                if (!hasNext()) throw new NoSuchElementException();
                Line line = next;
                next = null;
                return line;
            }
        };
    }
}
