package io.policyengine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON Lines file read as strictly as {@code decide} reads claims: each line UTF-8 on its own (a line
 * that is not costs only itself), a byte-order mark ignored at the start of a line, blank lines
 * skipped, exactly one JSON value a line (no comments, nothing after the value), no duplicate keys.
 */
public final class JsonLines {

    /** A non-blank line: its value, or a one-line {@code error} (then {@code value} is null); line 0 for the whole file. */
    public record Line(int number, JsonNode value, String error) {
    }

    private JsonLines() {
    }

    public static List<Line> read(Path file) {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            ByteLines bytes = new ByteLines(in);
            byte[] raw;
            int number = 0;
            while ((raw = bytes.readLine()) != null) {
                number++;
                String text;
                try {
                    text = ByteLines.decode(raw);
                } catch (CharacterCodingException e) {
                    lines.add(new Line(number, null, Json.readProblem(e)));
                    continue;
                }
                if (text.startsWith("\uFEFF")) text = text.substring(1);
                if (!text.isBlank()) lines.add(parse(number, text));
            }
        } catch (NoSuchFileException e) {
            lines.add(new Line(0, null, "no such file"));
        } catch (IOException e) {
            lines.add(new Line(0, null, Json.readProblem(e)));
        }
        return lines;
    }

    private static Line parse(int number, String text) {
        try (JsonParser parser = Json.FACTORY.createParser(text)) {
            parser.nextToken();
            JsonStreamContext top = parser.getParsingContext().getParent();
            JsonNode value;
            try {
                value = Json.MAPPER.readTree(parser);
            } catch (StreamConstraintsException e) {
                String problem = Json.problem(e);
                return new Line(number, null, problem.startsWith("nested") ? problem
                        : prefixed(Json.fieldPath(parser.getParsingContext(), top), problem));
            } catch (DatabindException e) {
                String field = Json.fieldPath(parser.getParsingContext(), top);
                return new Line(number, null, e.getOriginalMessage().startsWith("Duplicate field")
                        ? field + ": duplicate field" : Json.problem(e));
            }
            if (parser.nextToken() != null) return new Line(number, null, "not JSON: more than one value on the line");
            return new Line(number, value, null);
        } catch (JsonProcessingException e) {
            return new Line(number, null, Json.problem(e));
        } catch (IOException e) {
            return new Line(number, null, Json.readProblem(e));
        }
    }

    private static String prefixed(String field, String problem) {
        return field.isEmpty() ? problem : field + ": " + problem;
    }
}
