package io.policyengine;

import io.policyengine.model.Claim;
import io.policyengine.model.Money;
import io.policyengine.model.PackRule;
import io.policyengine.model.PolicyId;
import io.policyengine.rules.PackVersions;
import io.policyengine.rules.RulePack;
import io.policyengine.text.Language;
import io.policyengine.text.PackSentences;

import java.util.ArrayList;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The packs that decide together, the store pack then the floors, with the limits the engine sets over
 * theirs. Immutable: an engine swaps its stack whole on reload.
 *
 * @param firingLimit     rule firings allowed per claim in every pack; 0: each pack's own limit
 * @param timeLimitMillis milliseconds allowed per claim in every pack; 0: each pack's own limit
 */
record PackStack(PackVersions store, List<PackVersions> floors, int firingLimit, long timeLimitMillis) {
    /** The store pack's term that names the currency of its amounts (contract 11.2). */
    private static final String CURRENCY_TERM = "currency";

    static PackStack of(PackVersions store) {
        return new PackStack(store, List.of(), 0, 0);
    }

    List<PackVersions> packs() {
        List<PackVersions> packs = new ArrayList<>(1 + floors.size());
        packs.add(store);
        packs.addAll(floors);
        return packs;
    }

    PackStack withFloor(PackVersions floor) {
        List<PackVersions> more = new ArrayList<>(floors);
        more.add(floor);
        return new PackStack(store, List.copyOf(more), firingLimit, timeLimitMillis);
    }

    PackStack withFiringLimit(int firingsPerClaim) {
        if (firingsPerClaim < 1) {
            throw new IllegalArgumentException("firingsPerClaim: must be at least 1, got " + firingsPerClaim);
        }
        return new PackStack(store, floors, firingsPerClaim, timeLimitMillis);
    }

    PackStack withTimeLimit(Duration perClaim) {
        if (perClaim.toMillis() < 1) {
            throw new IllegalArgumentException("perClaim: must be at least 1 ms, got " + perClaim.toMillis() + " ms");
        }
        return new PackStack(store, floors, firingLimit, perClaim.toMillis());
    }

    PackStack withStore(PackVersions fresh) {
        return new PackStack(fresh, floors, firingLimit, timeLimitMillis);
    }

    int limitOf(RulePack pack) {
        return firingLimit > 0 ? firingLimit : pack.firingLimit();
    }

    long millisOf(RulePack pack) {
        return timeLimitMillis > 0 ? timeLimitMillis : pack.timeLimitMillis();
    }

    /** Why this stack cannot speak {@code language}: the first pack version without its sentences; null when all have them. */
    String lacks(Language language) {
        for (PackVersions pack : packs()) {
            for (PackVersions.Version version : pack.versions()) {
                if (version.pack().sentences(language) == null) {
                    return "unsupported \"" + language.tag() + "\" for pack " + version.pack().policy().name() + " ("
                            + version.pack().folder() + "), which has sentences in: "
                            + version.pack().languages().stream().map(Language::tag).sorted().collect(Collectors.joining(", "));
                }
            }
        }
        return null;
    }

    /** The languages every pack version of the stack has sentences in. */
    Set<Locale> locales() {
        Set<Language> common = EnumSet.allOf(Language.class);
        for (PackVersions pack : packs()) {
            for (PackVersions.Version version : pack.versions()) common.retainAll(version.pack().languages());
        }
        return common.stream().map(Language::locale).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The sentences of the pack version that made a decision; after a reload, the same pack's newest. */
    PackSentences sentences(PolicyId policy, Language language) {
        List<PackVersions> packs = packs();
        for (PackVersions pack : packs) {
            for (PackVersions.Version version : pack.versions()) {
                if (version.pack().policy().equals(policy)) return version.pack().sentences(language);
            }
        }
        for (PackVersions pack : packs) {
            if (pack.latest().policy().name().equals(policy.name())) return pack.latest().sentences(language);
        }
        return null;
    }

    /** See {@link PolicyEngine#calendarWarnings(java.time.LocalDate)}: each version's warning once. */
    List<RuleProblem> calendarWarnings(LocalDate today) {
        List<RuleProblem> warnings = new ArrayList<>(0);
        for (PackVersions pack : packs()) {
            for (PackVersions.Version version : pack.versions()) {
                RuleProblem endsSoon = version.pack().calendarEndsSoon(today);
                if (endsSoon != null && !warnings.contains(endsSoon)) warnings.add(endsSoon);
            }
        }
        return warnings;
    }

    /** Every rule of the stack as written: the store pack's, then each floor's; every version of a versioned pack. */
    List<PackRule> rules() {
        List<PackRule> rules = new ArrayList<>();
        for (PackVersions pack : packs()) {
            for (PackVersions.Version version : pack.versions()) rules.addAll(version.pack().rules());
        }
        return rules;
    }

    /**
     * Throws the bad input when a pack has no version in force on the claim's purchase date (naming {@code purchaseDate}),
     * or the price has more decimals than the store pack's currency has (contract 17, naming {@code product.price}).
     */
    void check(Claim claim) {
        RulePack storeVersion = store.forPurchase(claim.purchaseDate());
        for (PackVersions floor : floors) floor.forPurchase(claim.purchaseDate());
        Object currency = storeVersion.terms().get(CURRENCY_TERM);
        Money.checkPrice(claim.product().price(), currency == null ? null : currency.toString());
    }
}
