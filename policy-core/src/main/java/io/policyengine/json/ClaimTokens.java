package io.policyengine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.util.List;

/**
 * Reads a good claim straight from a parser's tokens into the model, without a tree: the fast way for the
 * common case. It only accepts; it never explains. Anything else (a problem of any kind, or a shape that is
 * rare in good claims, such as an explicit {@code null}) makes it give up, and the value is read again by
 * {@link ClaimJson#parse}, the one place that judges a claim and names its bad fields. Both read the fields that
 * {@link ClaimFields} declares, so whatever this reads, {@link ClaimJson#parse} reads as the same claim
 * (ClaimTokensTest holds it to that).
 */
final class ClaimTokens {

    private static final Shape.Names EXAMPLE = new Shape.Names(List.of("claim", "expect", "note"));
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final int ENCODING_GUESSED_FROM = 4;

    private ClaimTokens() {
    }

    /**
     * The claim on a line of JSON Lines that holds one good claim, or one example with a good claim, and
     * nothing else; null when the line is anything else (not UTF-8, a byte-order mark, not JSON, a bad claim).
     */
    static Claim readLine(byte[] line) {
        try (JsonParser parser = isPlainUtf8(line) ? Json.FACTORY.createParser(line) : decodedParser(line)) {
            if (parser == null || parser.nextToken() != JsonToken.START_OBJECT) return null;
            Claim claim = claimOrExample(parser);
            return parser.nextToken() == null ? claim : null;
        } catch (GiveUp | IOException | BadInputException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether Jackson may read the bytes themselves, with no decoding into text first: plain ASCII is UTF-8 as it is,
     * and Jackson takes it for UTF-8 unless a NUL among the first four bytes makes it guess UTF-16 or UTF-32.
     */
    private static boolean isPlainUtf8(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, ENCODING_GUESSED_FROM); i++) {
            if (bytes[i] == 0) return false;
        }
        long all = 0;
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) all |= (long) LONGS.get(bytes, i);
        for (; i < bytes.length; i++) all |= bytes[i];
        return (all & HIGH_BITS) == 0;
    }

    private static JsonParser decodedParser(byte[] line) throws IOException {
        String text;
        try {
            text = ByteLines.decode(line);
        } catch (CharacterCodingException e) {
            return null;
        }
        return text.startsWith("\uFEFF") ? null : Json.FACTORY.createParser(text);
    }

    /** The claim, or the example's claim, whose object the parser is at the start of; the object is read to its end. */
    private static Claim claimOrExample(JsonParser parser) throws IOException {
        int field = ClaimFields.CLAIM.next(parser, Shape.Names.END);
        if (field != Shape.Names.UNKNOWN || EXAMPLE.indexOf(parser.currentName()) < 0) return claim(parser, field);
        Claim claim = null;
        long seen = 0;
        for (field = EXAMPLE.indexOf(parser.currentName()); field != Shape.Names.END; field = EXAMPLE.next(parser, field)) {
            if (field == Shape.Names.UNKNOWN || (seen & 1L << field) != 0) throw GiveUp.GIVE_UP;
            seen |= 1L << field;
            JsonToken token = parser.nextToken();
            if (field == 0) {
                if (token != JsonToken.START_OBJECT) throw GiveUp.GIVE_UP;
                claim = claim(parser, ClaimFields.CLAIM.next(parser, Shape.Names.END));
            } else {
                Json.MAPPER.readTree(parser); // unused, but a duplicate key or a number out of range in it is bad input
            }
        }
        if (claim == null) throw GiveUp.GIVE_UP;
        return claim;
    }

    /** The claim whose first field the parser is at ({@code first}, from {@link Shape#next}), read to the end of its object. */
    private static Claim claim(JsonParser parser, int first) throws IOException {
        Claim.Builder claim = Claim.builder(null, null);
        ClaimFields.CLAIM.tokens(parser, first, claim);
        return claim.build();
    }
}
