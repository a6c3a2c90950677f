package io.policyengine.examples.command;

import io.policyengine.examples.command.RulesOption;
import io.policyengine.examples.pipeline.ClaimBatches;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.StoreEngine;
import io.policyengine.StoresFile;
import io.policyengine.Wording;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --stores FILE}: a chain's stores file (contract 14.2), in place of {@code --rules} and {@code --floor}:
 * each claim is decided by its store's stack, and its sentences are in its store's language unless {@code --lang} says.
 */
public final class StoresOption {
    @Option(names = "--stores", paramLabel = "FILE",
            description = "A chain's stores file (store,region,pack,floors,lang): each claim is decided by its store's pack and floors, "
                    + "in its store's language unless --lang is given. In place of --rules and --floor.")
    public Path stores;

    /** Whether the command decides by a stores file. */
    public boolean given() {
        return stores != null;
    }

    public Path file() {
        return stores;
    }

    /**
     * The chain's engine; a usage error with {@code --rules} or {@code --floor}, which the file's rows say for each store.
     *
     * @throws RuleLoadException with every problem of the file and its packs, as FILE:LINE
     */
    public StoreEngine chain(RulesOption rules) throws RuleLoadException {
        return chain(stores, rules);
    }

    /** {@link #chain(RulesOption)} for a command that declares {@code --stores} itself (serve, whose words differ). */
    public static StoreEngine chain(Path stores, RulesOption rules) throws RuleLoadException {
        if (rules.rulesDir != null || !rules.floors.isEmpty()) {
            throw new BadInputException("--stores", "the stores file names each store's pack and floors; leave out --rules and --floor");
        }
        return PolicyEngine.forStores(stores);
    }

    /** What the claims are decided with: the chain when {@code --stores} is given, else the rules and floors. */
    public ClaimBatches.Decider decider(RulesOption rules) throws RuleLoadException {
        return given() ? ClaimBatches.Decider.of(chain(rules)) : ClaimBatches.Decider.of(rules.engine());
    }

    /**
     * What a command decides by, and in which words.
     *
     * @param decider  the chain, or the one stack of {@code --rules} and {@code --floor}
     * @param wordings each claim's words: {@code --lang}'s, else (with {@code --stores}) its store's language
     * @param wording  the words of whatever is printed in one language for all claims (a table, its header): {@code --lang}'s
     * @param chain    the chain; null without {@code --stores}
     * @param engines  the stack that decides each claim: its store's, or the one of {@code --rules} and {@code --floor}
     */
    public record Deciding(ClaimBatches.Decider decider, Function<Claim, Wording> wordings, Wording wording, StoreEngine chain,
                           Function<Claim, PolicyEngine> engines) {
    }

    /** The chain and its stores' languages when {@code --stores} is given, else the one stack of {@code rules} in {@code --lang}. */
    public Deciding deciding(RulesOption rules, LanguageOption language) throws RuleLoadException {
        if (given()) {
            StoreEngine chain = chain(rules);
            return new Deciding(ClaimBatches.Decider.of(chain), wordings(chain, language), language.wording(chain::wording), chain,
                    chain::engineFor);
        }
        PolicyEngine one = rules.engine();
        Wording wording = language.wording(one);
        return new Deciding(ClaimBatches.Decider.of(one), claim -> wording, wording, null, claim -> one);
    }

    /**
     * The words of each claim's decision: in {@code --lang} when it was given, else in the language of the claim's store.
     * Made once per language before deciding, so the function is safe on every worker.
     */
    public static Function<Claim, Wording> wordings(StoreEngine chain, LanguageOption language) {
        if (language.chosen()) {
            Wording one = language.wording(chain::wording);
            return claim -> one;
        }
        Map<Locale, Wording> byLanguage = new HashMap<>();
        for (StoresFile.Row row : chain.rows()) byLanguage.computeIfAbsent(row.lang(), chain::wording);
        return claim -> byLanguage.get(chain.languageOf(claim));
    }
}
