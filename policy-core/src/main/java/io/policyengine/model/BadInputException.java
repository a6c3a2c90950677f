package io.policyengine.model;

/**
 * A claim that cannot be decided because one of its fields is wrong. The message is one line
 * that starts with the field's path, as in {@code claimDate: 2026-01-01 is before purchaseDate 2026-02-01}.
 */
public final class BadInputException extends RuntimeException {
    private final String field;

    public BadInputException(String field, String problem) {
        super(field + ": " + problem, null, false, false);
        this.field = field;
    }

    /** The JSON path of the offending field, such as {@code product.price}. */
    public String field() {
        return field;
    }
}
