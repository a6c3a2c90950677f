package io.policyengine;

import io.policyengine.model.Claim;
import io.policyengine.model.Product;
import io.policyengine.model.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rule that throws, recurses without end or keeps firing costs only the claims it does that for:
 * each gets a one-line failure naming the claim, the rule and its FILE:LINE, and every other claim
 * of the batch is decided as usual.
 */
class RuleFailureTest {
    private static final LocalDate PURCHASE = LocalDate.of(2026, 3, 1);

    /** Fires without end for a claim with the id GUILTY: each firing inserts the fact that makes it fire again. */
    static final String LOOP = """
            package packs.storestandard;
            import io.policyengine.model.*;

            declare Counter
                claim : Claim
                n : int
            end

            rule "start counting"
                @article("7")
            when
                $claim : Claim( id == "GUILTY" )
            then
                insert( new Counter( $claim, 1 ) );
            end

            rule "count on"
                @article("7")
            when
                $c : Counter()
                not Counter( claim == $c.claim, n == $c.n + 1 )
            then
                insert( new Counter( $c.getClaim(), $c.getN() + 1 ) );
            end
            """;

    /** A condition that meets a null category, as a careless author writes it. */
    static final String NULL_CATEGORY = """
            package packs.storestandard;
            import io.policyengine.model.*;

            rule "long category names are suspicious"
                @article("7")
            when
                $claim : Claim( product.category.length() > 40 )
            then
            end
            """;

    /** A function that calls itself without end, for the claim GUILTY. */
    static final String RECURSION = """
            package packs.storestandard;
            import io.policyengine.model.*;

            function int depth(int n) {
                return depth(n + 1) + 1;
            }

            rule "deep"
                @article("7")
            when
                $claim : Claim( id == "GUILTY", depth(0) > 0 )
            then
            end
            """;

    @TempDir
    Path temp;

    @Test
    void aRuleThatKeepsFiringFailsOnlyItsClaimAndIsNamedWithItsFileAndLine() throws RuleLoadException {
        Path pack = packWith("loop.drl", LOOP);
        PolicyEngine engine = PolicyEngine.load(pack);

        List<PolicyEngine.Result> results = engine.decideEach(batch(600, 550));

        assertThat(results).hasSize(600);
        assertThat(results).filteredOn(PolicyEngine.Result::isFailure).singleElement().satisfies(r -> {
            assertThat(r.claim().id()).isEqualTo("GUILTY");
            assertThat(r.failure().claimId()).isEqualTo("GUILTY");
            assertThat(r.failure().getMessage()).isEqualTo(pack.resolve("loop.drl") + ":17: rule \"count on\" kept firing for claim GUILTY: "
                    + "stopped after 10000 firings (the firing limit, pack term maxFiringsPerClaim); "
                    + "a rule whose consequence makes it or another rule match again never ends");
        });
        assertThat(results).filteredOn(r -> !r.isFailure()).hasSize(599)
                .allSatisfy(r -> assertThat(r.decision().claimId()).isEqualTo(r.claim().id()));
    }

    @Test
    void theFiringLimitIsAPackTermOrAnEngineSetting() throws RuleLoadException {
        Path pack = packWith("loop.drl", LOOP);
        PackCopy.edit(pack, "pack.drl", "    noReasonReturnDays : int = 7", "    noReasonReturnDays : int = 7\n    maxFiringsPerClaim : int = 50");
        PolicyEngine engine = PolicyEngine.load(pack);

        assertThat(engine.decideEach(List.of(claim("GUILTY"))).get(0).failure().getMessage()).contains("stopped after 50 firings");
        assertThat(engine.withFiringLimit(70).decideEach(List.of(claim("GUILTY"))).get(0).failure().getMessage())
                .contains("stopped after 70 firings");
        assertThatThrownBy(() -> engine.withFiringLimit(0)).hasMessage("firingsPerClaim: must be at least 1, got 0");
    }

    @Test
    void aConditionThatThrowsFailsOnlyTheClaimsItThrowsFor() throws RuleLoadException {
        Path pack = packWith("suspicious.drl", NULL_CATEGORY);
        PolicyEngine engine = PolicyEngine.load(pack);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 600; i++) claims.add(i == 555 ? claim("NO-CATEGORY", null) : claim("C" + i, "TV"));

        List<PolicyEngine.Result> results = engine.decideEach(claims);

        assertThat(results).filteredOn(PolicyEngine.Result::isFailure).singleElement().satisfies(r ->
                assertThat(r.failure().getMessage()).isEqualTo(pack.resolve("suspicious.drl")
                        + ":4: rule \"long category names are suspicious\" failed for claim NO-CATEGORY: its condition "
                        + "'product.category.length() > 40' reads a value the claim does not have (null)"));
        assertThat(results).filteredOn(r -> !r.isFailure()).hasSize(599);
        assertThatThrownBy(() -> engine.decideAll(claims)).isInstanceOf(RuleFailureException.class)
                .hasMessageContaining("for claim NO-CATEGORY");
        assertThatThrownBy(() -> engine.explain(claim("NO-CATEGORY", null))).isInstanceOf(RuleFailureException.class)
                .hasMessageContaining("suspicious.drl:4: rule \"long category names are suspicious\" failed for claim NO-CATEGORY");
    }

    @Test
    void deepRecursionInAFunctionIsOneLine() throws RuleLoadException {
        Path pack = packWith("deep.drl", RECURSION);
        PolicyEngine engine = PolicyEngine.load(pack);

        List<PolicyEngine.Result> results = engine.decideEach(batch(3, 1));

        assertThat(results.get(1).failure().getMessage()).isEqualTo(pack.resolve("deep.drl")
                + ":8: rule \"deep\" failed for claim GUILTY: it recursed too deeply (a function that calls itself without end?)");
        assertThat(results.get(0).isFailure()).isFalse();
        assertThat(results.get(2).isFailure()).isFalse();
    }

    @Test
    void validateFindsARuleThatKeepsFiringOrThrowsForAGeneratedClaim() {
        Path loop = packWith("loop.drl", LOOP.replace("Claim( id == \"GUILTY\" )", "Claim( qualityDefect )"));
        // the firing limit is what stops this rule, however slow a loaded machine makes its 10,000 firings
        Path terms = loop.resolve("pack.drl");
        write(terms, read(terms).replace("declare Terms\n", "declare Terms\n    maxMillisPerClaim : int = 60000\n"));
        Path nulls = PackCopy.storeStandardIn(temp.resolve("nulls"));
        write(nulls.resolve("suspicious.drl"), NULL_CATEGORY);

        assertThat(PolicyEngine.validate(loop)).filteredOn(p -> !p.warning()).singleElement().hasToString(loop.resolve("loop.drl")
                + ":17: rule \"count on\" kept firing for a generated claim: stopped after 10000 firings (the firing limit, "
                + "pack term maxFiringsPerClaim); a rule whose consequence makes it or another rule match again never ends");
        assertThat(PolicyEngine.validate(nulls)).filteredOn(p -> !p.warning()).singleElement().satisfies(p ->
                assertThat(p.toString()).startsWith(nulls.resolve("suspicious.drl") + ":4: rule \"long category names are suspicious\" failed"));
    }

    private Path packWith(String file, String drl) {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        write(pack.resolve(file), drl);
        return pack;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code size} good claims, the one at {@code guilty} with the id GUILTY. */
    private static List<Claim> batch(int size, int guilty) {
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < size; i++) claims.add(claim(i == guilty ? "GUILTY" : "C" + i));
        return claims;
    }

    private static Claim claim(String id) {
        return claim(id, "TV");
    }

    private static Claim claim(String id, String category) {
        return Claim.builder(id, "S-1").category(category).purchaseDate(PURCHASE).claimDate(PURCHASE.plusDays(8))
                .qualityDefect(true).request(Request.REFUND).build();
    }
}
