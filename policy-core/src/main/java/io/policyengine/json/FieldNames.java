package io.policyengine.json;

import java.util.List;

/** Suggests the field a user probably meant when they wrote an unknown one. */
final class FieldNames {

    private static final int MAX_TYPOS = 2;

    private FieldNames() {
    }

    /** {@code " (did you mean qualityDefect?)"}, or an empty string when nothing is close enough. */
    static String suggestion(String unknown, List<String> known) {
        String meant = closest(unknown, known);
        return meant == null ? "" : didYouMean(meant);
    }

    /** The known field a user probably meant when they wrote {@code unknown}; null when nothing is close enough. */
    static String closest(String unknown, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            if (candidate.equalsIgnoreCase(unknown)) return candidate;
            int distance = editDistance(unknown, candidate);
            // "< unknown.length()" keeps a one- or two-letter typo from "matching" every short field
            if (distance <= MAX_TYPOS && distance < unknown.length() && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    static String didYouMean(String field) {
        return " (did you mean " + field + "?)";
    }

    /** Levenshtein distance: single-character insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
