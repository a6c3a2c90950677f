package io.policyengine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The package's one Jackson configuration, and one-line descriptions of what can go wrong in JSON. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            // ClaimSource closes what it opened; stdin belongs to the caller
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            // Detected while building the tree rather than in the parser (JsonParser.Feature
            // .STRICT_DUPLICATE_DETECTION), so the parser stays usable and the next claim of an array is still read.
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    static final JsonFactory FACTORY = MAPPER.getFactory();

    private static final int MAX_SHOWN = 40;
    private static final Pattern LENGTH = Pattern.compile("\\((\\d+)\\)");

    private Json() {
    }

    /** A short, one-line description of why some text is not acceptable JSON, without Jackson's location dump. */
    static String problem(JsonProcessingException e) {
        String message = oneLine(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            StreamReadConstraints limits = StreamReadConstraints.defaults();
            if (message.startsWith("Document nesting depth")) return "nested too deeply: more than " + limits.getMaxNestingDepth() + " levels";
            Matcher length = LENGTH.matcher(message);
            if (message.startsWith("Number value length") && length.find()) {
                return "number too long: " + length.group(1) + " digits (at most " + limits.getMaxNumberLength() + ")";
            }
            if (message.startsWith("String value length") && length.find()) {
                return "text too long: " + length.group(1) + " characters (at most " + limits.getMaxStringLength() + ")";
            }
            if (message.startsWith("Name length") && length.find()) {
                return "field name too long: " + length.group(1) + " characters (at most " + limits.getMaxNameLength() + ")";
            }
            return "input too large";
        }
        if (message.startsWith("Trailing token")) return "not JSON: more than one value";
        return "not JSON: " + withoutSettings(message);
    }

    /**
     * Jackson's message without the names of its settings and classes, which mean nothing to whoever
     * wrote the claim: {@code maybe a (non-standard) comment? (not recognized as one since Feature
     * 'ALLOW_COMMENTS' not enabled for parser)} becomes {@code comments are not allowed}.
     */
    static String withoutSettings(String message) {
        String text = message.replaceAll("\\s*\\(code \\d+\\)", "");
        text = text.replace("maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
                "comments are not allowed in JSON");
        text = text.replaceAll("\\s*\\((?:[^()]|\\([^()]*\\))*(?:Feature|Constraints|`)(?:[^()]|\\([^()]*\\))*\\)", "");
        text = text.replaceAll("[:;,]?\\s*(?:enable|as per|via|see) `[^`]*`[^;,.]*", "");
        text = text.replaceAll("`?com\\.fasterxml\\.[\\w.$]+`?", "value");
        return text.strip();
    }

    static String readProblem(Exception e) {
        if (e instanceof CharacterCodingException) return "not valid UTF-8";
        return "cannot read: " + oneLine(String.valueOf(e.getMessage()));
    }

    /**
     * The dotted path of the parser's current field below {@code top}, such as {@code product.sku} or
     * {@code repairHistory[1].fault}.
     */
    static String fieldPath(JsonStreamContext current, JsonStreamContext top) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = current; c != null && c != top; c = c.getParent()) {
            if (c.inObject() && c.hasCurrentName()) parts.addFirst("." + c.getCurrentName());
            else if (c.inArray()) parts.addFirst("[" + c.getCurrentIndex() + "]");
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** The value as compact JSON text, cut short so that an error message stays one readable line. */
    static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
    }

    /** What kind of value this is, for messages such as {@code expected a JSON object, got an array}. */
    static String kind(JsonNode value) {
        if (value == null || value.isMissingNode()) return "nothing";
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            default -> "a " + value.getNodeType().name().toLowerCase();
        };
    }

    private static String oneLine(String message) {
        int location = indexOfAny(message, " (start marker at", "[Source:", "\n at ");
        String cut = location < 0 ? message : message.substring(0, location);
        return cut.replaceAll("\\s+", " ").strip();
    }

    private static int indexOfAny(String text, String... needles) {
        int first = -1;
        for (String needle : needles) {
            int at = text.indexOf(needle);
            if (at >= 0 && (first < 0 || at < first)) first = at;
        }
        return first;
    }
}
