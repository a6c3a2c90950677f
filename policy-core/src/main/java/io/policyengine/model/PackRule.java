package io.policyengine.model;

import java.nio.file.Path;

/**
 * One rule of a pack as its author wrote it: the pack, the rule's name, the article it cites, and
 * the file and line that declare it. What rule coverage and rule-set comparisons report.
 *
 * @param article the cited article; empty when the rule cites none
 */
public record PackRule(String pack, String name, String article, Path file, int line) {

    /** {@code FILE:LINE}, as problems are reported. */
    public String where() {
        return file + ":" + line;
    }
}
