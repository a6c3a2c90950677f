package io.policyengine.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A claim that cannot be decided because one of its fields is wrong, or several. The message is one line
 * that starts with the (first) field's path, as in {@code claimDate: 2026-01-01 is before purchaseDate 2026-02-01};
 * several bad fields are each named, joined by {@code "; "}.
 */
public final class BadInputException extends RuntimeException {
    private final String field;

    public BadInputException(String field, String problem) {
        super(field + ": " + problem, null, false, false);
        this.field = field;
    }

    private BadInputException(List<BadInputException> problems) {
        super(problems.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")), null, false, false);
        this.field = problems.get(0).field;
    }

    /**
     * Several bad fields of one claim at once, in the order given: the message names each ({@code qualityDefect:
     * expected true or false, got "yes"; claimDate: ...}) and {@link #field()} is the first's; one problem is itself.
     */
    public static BadInputException of(List<BadInputException> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("no problem");
        return problems.size() == 1 ? problems.get(0) : new BadInputException(List.copyOf(problems));
    }

    /** The JSON path of the offending field, such as {@code product.price}. */
    public String field() {
        return field;
    }
}
