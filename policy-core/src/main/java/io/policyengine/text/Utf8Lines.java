package io.policyengine.text;

import io.policyengine.RuleProblem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lines of a pack's text file (sentences, calendar), numbered from 1; a leading byte-order mark is dropped. */
public final class Utf8Lines {

    /** One line, without its line break. */
    public record Line(int number, String text) {
    }

    private Utf8Lines() {
    }

    /** Every line that is UTF-8; each line that is not is left out and added to {@code problems} with its number. */
    public static List<Line> of(Path file, byte[] content, List<RuleProblem> problems) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (int from = start; from < content.length; ) {
            int end = from;
            while (end < content.length && content[end] != '\n') end++;
            number++;
            try {
                lines.add(new Line(number, utf8.decode(ByteBuffer.wrap(content, from, end - from)).toString()));
            } catch (CharacterCodingException e) {
                problems.add(RuleProblem.error(file, number, "not valid UTF-8: save the file as UTF-8"));
            }
            from = end + 1;
        }
        return lines;
    }
}
