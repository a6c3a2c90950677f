package io.policyengine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.json.ClaimSource.Item;
import io.policyengine.model.BadInputException;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/** Reads the items of one input lazily; subclasses know one input format each. */
abstract class ItemReader implements Iterator<ClaimSource.Unread> {

    private static final Set<String> EXAMPLE_KEYS = Set.of("claim", "expect", "note");

    protected final String source;
    private ClaimSource.Unread next;
    private boolean ended;

    ItemReader(String source) {
        this.source = source;
    }

    /** The next item, read or still to be read, or null at the end of the input. */
    protected abstract ClaimSource.Unread read();

    @Override
    public final boolean hasNext() {
        if (next == null && !ended) {
            next = read();
            ended = next == null;
        }
        return next != null;
    }

    @Override
    public final ClaimSource.Unread next() {
        if (!hasNext()) throw new NoSuchElementException();
        ClaimSource.Unread item = next;
        next = null;
        return item;
    }

    /**
     * Reads the value at the parser's current token as one claim (or as an example, {@code {"claim": ...,
     * "expect": ..., "note": ...}}, whose claim is read). A value that is JSON but not a good
     * claim (a duplicate key included) is an error item, and the parser is left after the value so that
     * the next one can be read; a syntax error is thrown, and so is a value too large to read
     * ({@link Unreadable}, naming its field).
     */
    protected final Item readClaim(JsonParser parser, int line) throws IOException {
        JsonStreamContext container = parser.currentToken().isStructStart()
                ? parser.getParsingContext().getParent()
                : parser.getParsingContext();
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(parser);
        } catch (StreamConstraintsException e) {
            String problem = Json.problem(e);
            String field = problem.startsWith("nested") ? "" : Json.fieldPath(parser.getParsingContext(), container);
            throw new Unreadable((field.isEmpty() ? "" : field + ": ") + problem);
        } catch (DatabindException e) {
            String field = Json.fieldPath(parser.getParsingContext(), container);
            while (parser.getParsingContext() != container && parser.nextToken() != null) {
                // skip the rest of the bad value
            }
            String problem = e.getOriginalMessage().startsWith("Duplicate field")
                    ? field + ": duplicate field"
                    : Json.problem(e);
            return error(line, problem);
        }
        return claimItem(line, node);
    }

    /** A value too large to read (a number of 2,000 digits): the parser cannot go on after it. */
    static final class Unreadable extends IOException {
        final String problem;

        Unreadable(String problem) {
            super(problem, null);
            this.problem = problem;
        }
    }

    protected final Item error(int line, String problem) {
        return Item.error(source, line, null, problem);
    }

    private Item claimItem(int line, JsonNode node) {
        JsonNode claim = isExample(node) ? node.get("claim") : node;
        try {
            return Item.of(source, line, ClaimJson.parse(claim));
        } catch (BadInputException e) {
            return Item.error(source, line, readableId(claim), e.getMessage());
        }
    }

    private static boolean isExample(JsonNode node) {
        if (!node.isObject() || !node.has("claim")) return false;
        for (var names = node.fieldNames(); names.hasNext(); ) {
            if (!EXAMPLE_KEYS.contains(names.next())) return false;
        }
        return true;
    }

    private static String readableId(JsonNode claim) {
        JsonNode id = claim.isObject() ? claim.get("id") : null;
        return id != null && id.isTextual() && !id.textValue().isBlank() ? id.textValue() : null;
    }
}
