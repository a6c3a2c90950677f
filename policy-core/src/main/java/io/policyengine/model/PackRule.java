package io.policyengine.model;

import java.nio.file.Path;

/**
 * One rule of a pack as its author wrote it: the pack, the rule's name, the article it cites, the file and
 * line that declare it, and the pack that file belongs to. What rule coverage and rule-set comparisons report.
 *
 * @param article the cited article; empty when the rule cites none
 * @param origin  the pack whose file declares the rule: {@code pack} itself, or a parent it extends (contract 14.1)
 */
public record PackRule(String pack, String name, String article, Path file, int line, String origin) {

    /** Whether the rule is written in the pack's own files, not inherited from a parent. */
    public boolean own() {
        return pack.equals(origin);
    }

    /** {@code FILE:LINE}, as problems are reported. */
    public String where() {
        return file + ":" + line;
    }
}
