package io.policyengine.examples.serve;

import io.policyengine.json.ClaimSource;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;

import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * The body of a one-claim request, read by the same strict reader as {@code ./policy decide}, so that
 * a bad claim gets the command line's message: {@code qualityDefect: expected true or false, got "yes"}.
 */
final class OneClaim {
    /** A message that already starts with a field's path, such as {@code product.price: ...}. */
    private static final Pattern NAMES_A_FIELD = Pattern.compile("^[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*|\\[\\d+])*: .*", Pattern.DOTALL);

    private OneClaim() {
    }

    /** @throws BadInputException naming the field, or {@code body} for a problem with the body as a whole */
    static Claim read(byte[] body) {
        try (ClaimSource source = ClaimSource.of("body", new ByteArrayInputStream(body))) {
            Iterator<ClaimSource.Item> items = source.iterator();
            ClaimSource.Item item = items.next(); // a source always has at least one item: an empty one says so
            if (item.isError()) throw bad(item.error());
            if (items.hasNext()) {
                throw new BadInputException("body", "more than one claim; send many claims as JSON Lines (application/x-ndjson) or a JSON array");
            }
            return item.claim();
        }
    }

    private static BadInputException bad(String error) {
        if (NAMES_A_FIELD.matcher(error).matches()) {
            int colon = error.indexOf(": ");
            return new BadInputException(error.substring(0, colon), error.substring(colon + 2));
        }
        return new BadInputException("body", error);
    }
}
