package io.policyengine.model;

import java.nio.file.Path;

/**
 * One policy term of a pack as it decides: its name, its value, and where that value is declared: the pack
 * itself, or the parent it extends whose term it did not change (contract 14.1).
 *
 * @param origin the name of the pack whose file declares the value
 * @param file   the file that declares it
 * @param line   the line of the declaration; 0 when it is not found in the file
 */
public record PackTerm(String name, Object value, String origin, Path file, int line) {

    /** {@code FILE:LINE}, as problems are reported. */
    public String where() {
        return file + ":" + line;
    }
}
