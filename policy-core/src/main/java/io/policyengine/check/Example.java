package io.policyengine.check;

import io.policyengine.model.Claim;

import java.nio.file.Path;

/**
 * One line of an example file, {@code {"claim": {...}, "expect": {...}}}: a claim and what its
 * decision must be. A line that cannot be read has an {@code error} instead.
 */
public record Example(Path file, int line, Claim claim, Expectation expect, String error) {

    public String where() {
        return file + ":" + line;
    }
}
