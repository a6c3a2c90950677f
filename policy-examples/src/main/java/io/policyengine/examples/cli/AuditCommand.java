package io.policyengine.examples.cli;

import io.policyengine.examples.command.LanguageOption;
import io.policyengine.examples.command.OptionValues;
import io.policyengine.examples.command.RulesOption;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.pipeline.Printable;
import io.policyengine.examples.words.Words;
import io.policyengine.text.Language;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.Wording;
import io.policyengine.check.ClaimSpace;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

@Command(name = "audit", description = {
        "Shows where statutory floors change the store's answers.",
        "Decides a generated set of claims (every boundary day, channel and exclusion) with and without the "
                + "floors, and prints where the law changes the store's answer, grouped by store article and floor rule."})
final class AuditCommand implements java.util.concurrent.Callable<Integer> {
    private static final long SEED = 41L;

    @Spec
    CommandSpec spec;
    @Mixin
    RulesOption rules;
    @Mixin
    LanguageOption language;
    int maxClaims;

    @Option(names = "--claims", paramLabel = "N", defaultValue = "100000",
            description = "At most this many generated claims (1 or more), a fixed sample when the set is larger (default: ${DEFAULT-VALUE}).")
    void maxClaims(int n) {
        maxClaims = OptionValues.atLeast(spec, "--claims", n, 1);
    }
    @Option(names = "--category", paramLabel = "CATEGORY",
            description = "Product categories to try (repeatable; default: none, TV, MOBILE_PHONE, COMPUTER, FURNITURE, PERISHABLE, PERIODICAL, DIGITAL, HYGIENE).")
    List<String> categories = new ArrayList<>(List.of("", "TV", "MOBILE_PHONE", "COMPUTER", "FURNITURE", "PERISHABLE", "PERIODICAL", "DIGITAL", "HYGIENE"));
    @Option(names = "--json", description = "Print one JSON object per group.")
    boolean json;

    /** How the store kept a remedy from the customer: by an article's exclusion, by granting none, or (no remedy added) not said. */
    private enum Kept { BY_ARTICLE, NOT_GRANTED, UNSAID }

    /**
     * Claims whose answer the law changes in the same way for the same reason: the store's article (when {@code kept}
     * is {@link Kept#BY_ARTICLE}), the floor's rule that grants it (null when unsaid), and the change.
     */
    private record Group(Kept kept, String article, String floorRule, String change) {
        /** The group's store side in {@code words}; audit --json gives the English words, as it always has. */
        String storeSide(Words words) {
            return switch (kept) {
                case BY_ARTICLE -> words.render("audit.storeArticle", Map.of("article", article));
                case NOT_GRANTED -> words.get("audit.notGranted");
                case UNSAID -> words.get("audit.store");
            };
        }

        String floorSide(Words words) {
            return floorRule == null ? words.get("audit.floor") : floorRule;
        }
    }

    private static final class Tally {
        int claims;
        Claim example;
        Decision storeDecision;
        Decision stackDecision;
    }

    @Override
    public Integer call() throws RuleLoadException {
        if (rules.floors.isEmpty()) throw new ParameterException(spec.commandLine(), "audit needs at least one --floor");
        PrintWriter out = spec.commandLine().getOut();
        PolicyEngine stack = rules.engine();
        PolicyEngine store = rules.storeEngine();
        Wording wording = language.wording(stack);
        List<Map<String, Object>> terms = new ArrayList<>(List.of(store.terms()));
        terms.addAll(stack.floorTerms());
        List<Claim> claims = sample(ClaimSpace.boundaries(terms, categories));

        Map<Group, Tally> groups = new LinkedHashMap<>();
        int[] changed = {0};
        new Comparison(store, stack, false).compare(claims, change -> {
            Decision before = change.before();
            Decision after = change.after();
            if (!change.aspects().contains(Comparison.Aspect.OUTCOME) && !change.aspects().contains(Comparison.Aspect.REMEDIES)
                    && !change.aspects().contains(Comparison.Aspect.MONEY)) return;
            changed[0]++;
            for (Group group : groupsOf(before, after)) {
                Tally tally = groups.computeIfAbsent(group, g -> new Tally());
                if (tally.claims++ == 0) {
                    tally.example = change.claim();
                    tally.storeDecision = before;
                    tally.stackDecision = after;
                }
            }
        });
        Words english = Words.of(AuditCommand.class, Language.EN);
        List<Map.Entry<Group, Tally>> rows = new ArrayList<>(groups.entrySet());
        rows.sort(Comparator.comparing((Map.Entry<Group, Tally> e) -> -e.getValue().claims)
                .thenComparing(e -> e.getKey().storeSide(english)).thenComparing(e -> e.getKey().floorSide(english)));
        if (json) {
            for (Map.Entry<Group, Tally> row : rows) out.println(DecisionJson.auditJson(row.getKey().storeSide(english),
                    row.getKey().floorSide(english), row.getKey().change(), row.getValue().claims, row.getValue().example,
                    row.getValue().stackDecision, wording));
            return ExitCodes.OK;
        }
        Words words = Words.of(AuditCommand.class, language.language());
        out.println(words.render("audit.title", Map.of("pack", store.policy().name() + " " + store.policy().version(),
                "floors", stack.floors().stream().map(f -> f.name() + " " + f.version()).collect(Collectors.joining(", ")),
                "claims", String.format("%,d", claims.size()))));
        out.println(words.render("audit.changed", Map.of("changed", String.format("%,d", changed[0]),
                "percent", String.format("%.1f", 100.0 * changed[0] / Math.max(1, claims.size())))));
        out.println();
        for (Map.Entry<Group, Tally> row : rows) {
            Tally tally = row.getValue();
            out.printf("%-16s %-44s %,8d %s%n", row.getKey().storeSide(words), row.getKey().floorSide(words), tally.claims,
                    words.render("audit.change", Map.of("change", row.getKey().change())));
            out.println("    " + words.render("audit.example", Map.of("claim", ClaimJson.toJson(tally.example))));
            out.printf("    %s%n", Printable.oneLine(wording.summary(tally.stackDecision)));
        }
        return ExitCodes.OK;
    }

    /** For each remedy only the law allowed: which store article kept it from the customer, and which floor rule grants it. */
    private static List<Group> groupsOf(Decision before, Decision after) {
        String change = before.outcome() != after.outcome() ? before.outcome() + " -> " + after.outcome()
                : before.remedies() + " -> " + after.remedies();
        PolicyId store = after.policy();
        List<Group> groups = new ArrayList<>();
        for (Remedy remedy : after.remedies()) {
            if (before.remedies().contains(remedy)) continue;
            String excludedBy = after.reasons().stream()
                    .filter(r -> store.name().equals(r.policy()) && r.effect() == Effect.EXCLUDE && r.remedy() == remedy && r.article() != null)
                    .map(Reason::article).findFirst().orElse(null);
            for (Reason grant : after.reasons()) {
                if (grant.effect() == Effect.GRANT && grant.remedy() == remedy && !store.name().equals(grant.policy())) {
                    Group group = new Group(excludedBy == null ? Kept.NOT_GRANTED : Kept.BY_ARTICLE, excludedBy,
                            grant.rule() + " (" + grant.article() + ")", change);
                    if (!groups.contains(group)) groups.add(group);
                }
            }
        }
        if (groups.isEmpty()) groups.add(new Group(Kept.UNSAID, null, null, change));
        return groups;
    }

    private List<Claim> sample(List<Claim> space) {
        if (space.size() <= maxClaims) return space;
        List<Claim> shuffled = new ArrayList<>(space);
        Collections.shuffle(shuffled, new Random(SEED));
        return List.copyOf(shuffled.subList(0, maxClaims));
    }
}
