package io.policyengine.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.policyengine.json.ClaimSource.Item;

import java.io.IOException;
import java.io.Reader;

/**
 * A sequence of root-level JSON values read with one streaming parser: pretty-printed claims, or a
 * JSON array whose elements are the claims. A root-level array is opened and its elements read one by
 * one, so the whole array is never in memory.
 */
final class JsonValueStream extends ItemReader {

    private final JsonParser parser;
    private final int linesBefore;
    private boolean done;

    /** @param linesBefore how many lines of the input precede what {@code in} reads */
    JsonValueStream(String source, Reader in, int linesBefore) throws IOException {
        super(source);
        this.parser = Json.FACTORY.createParser(in);
        this.linesBefore = linesBefore;
    }

    @Override
    protected Item read() {
        if (done) return null;
        try {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                boolean rootArrayEdge = token == JsonToken.END_ARRAY
                        || token == JsonToken.START_ARRAY && parser.getParsingContext().getParent().inRoot();
                if (!rootArrayEdge) return withinLimit(parser.currentTokenLocation(), readClaim(parser, line(parser.currentTokenLocation())));
            }
            return end(null);
        } catch (Unreadable e) {
            return end(error(line(parser.currentLocation()), e.problem));
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            return end(error(line(where), Json.problem(e)));
        } catch (IOException e) {
            return end(error(line(parser.currentLocation()), Json.readProblem(e)));
        }
    }

    /**
     * The item, or an error when its value ran over {@link ByteLines#MAX_LINE_BYTES}: the limit of one claim holds
     * for an element of an array and a pretty-printed claim as for a line of JSON Lines (contract 17). Counted in
     * characters, which a UTF-8 claim has no more of than bytes.
     */
    private Item withinLimit(JsonLocation start, Item item) {
        long size = parser.currentLocation().getCharOffset() - start.getCharOffset();
        if (size <= ByteLines.MAX_LINE_BYTES) return item;
        return Item.error(source, item.line(), item.claimId(), "claim over " + (ByteLines.MAX_LINE_BYTES >> 20)
                + " MiB, the limit for one claim: not read");
    }

    private Item end(Item last) {
        done = true;
        try {
            parser.close();
        } catch (IOException ignored) {
            // the source is closed by its owner
        }
        return last;
    }

    private int line(JsonLocation location) {
        return linesBefore + location.getLineNr();
    }
}
