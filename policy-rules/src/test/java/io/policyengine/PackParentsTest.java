package io.policyengine;

import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Outcome;
import io.policyengine.model.PackRule;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import io.policyengine.model.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contract 14.1: a pack that extends another is its parent's rules, terms, sentences and calendar with the child's
 * folder laid over them. The outlet here is the contract's own example: store-standard with a 3-day no-reason return.
 */
class PackParentsTest {
    private static final LocalDate PURCHASE = LocalDate.of(2026, 3, 1);
    private static final String OUTLET = """
            package packs.outlet;

            declare Pack
                name          : String = "outlet"
                version       : String = "1"
                effectiveFrom : String = "2026-01-01"
                parent        : String = "store-standard"
            end

            declare Terms
                noReasonReturnDays : int = 3
            end
            """;

    static PolicyEngine storeStandard;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadTheParent() throws Exception {
        storeStandard = PolicyEngine.bundled("store-standard");
    }

    private static Claim noReasonReturnOnDay(int day) {
        return Claim.builder("C-" + day, "TV").purchaseDate(PURCHASE).claimDate(PURCHASE.plusDays(day))
                .qualityDefect(false).request(Request.REFUND).build();
    }

    private static Claim defectOnDay(int day, Request request) {
        return Claim.builder("D-" + day, "TV").purchaseDate(PURCHASE).claimDate(PURCHASE.plusDays(day)).qualityDefect(true)
                .request(request).build();
    }

    private Path pack(String name, String packDrl) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        Files.writeString(folder.resolve("pack.drl"), packDrl);
        return folder;
    }

    private static void write(Path folder, String file, String text) throws IOException {
        Files.writeString(folder.resolve(file), text);
    }

    @Test
    void aPackOfOneChangedTermDecidesAsItsParentWithThatTermChanged() throws Exception {
        PolicyEngine outlet = PolicyEngine.load(pack("outlet", OUTLET));

        assertThat(outlet.decide(noReasonReturnOnDay(3)).outcome()).isEqualTo(Outcome.REFUND);
        assertThat(outlet.decide(noReasonReturnOnDay(4)).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(storeStandard.decide(noReasonReturnOnDay(4)).outcome()).isEqualTo(Outcome.REFUND);
        assertThat(outlet.terms()).containsEntry("noReasonReturnDays", 3).containsEntry("defectRefundDays", 15);
        for (int day : new int[]{0, 7, 8, 15, 16, 30, 31, 92, 93, 400}) {
            for (Request request : Request.values()) {
                Claim claim = defectOnDay(day, request);
                assertThat(withoutPolicy(outlet.decide(claim))).as("day %d, %s", day, request)
                        .isEqualTo(withoutPolicy(storeStandard.decide(claim)));
            }
        }
    }

    @Test
    void theDecisionNamesTheChildAndListsItsParents() throws Exception {
        PolicyEngine outlet = PolicyEngine.load(pack("outlet", OUTLET));

        Decision decision = outlet.decide(noReasonReturnOnDay(3));

        assertThat(decision.policy().name()).isEqualTo("outlet");
        assertThat(decision.policy().hash()).isNotEqualTo(storeStandard.policy().hash());
        assertThat(decision.policy().parents()).extracting(PolicyId::name).containsExactly("store-standard", "follow-up-duties");
        assertThat(decision.policy().parents().get(0).hash()).isEqualTo(storeStandard.policy().hash());
        assertThat(decision.reasons()).extracting(Reason::policy).containsOnly("outlet");
        assertThat(storeStandard.policy().parents()).extracting(PolicyId::name).containsExactly("follow-up-duties");
    }

    @Test
    void eachRuleSaysWhichPackItCameFrom() throws Exception {
        Path folder = pack("outlet", OUTLET);
        write(folder, "gift-cards.drl", """
                // Outlet O1: a gift card bought at the outlet is never refunded.
                package packs.outlet;

                import io.policyengine.model.*;
                import io.policyengine.facts.*;
                import function io.policyengine.facts.Params.params;

                rule "outlet gift cards are not refunded"
                    @article("O1")
                when
                    $claim : Claim( product.category == "GIFT_CARD" )
                then
                    Exclusion.insert( kcontext, $claim, params(), Remedy.REFUND );
                end
                """);
        write(folder, "sentences.en.txt", "[reasons]\noutlet gift cards are not refunded = a gift card bought at the outlet is not refunded\n");
        write(folder, "sentences.zh-CN.txt", "[reasons]\noutlet gift cards are not refunded = 奥特莱斯购买的礼品卡不予退款\n");
        PolicyEngine outlet = PolicyEngine.load(folder);

        assertThat(outlet.rules()).filteredOn(PackRule::own).extracting(PackRule::name)
                .containsExactly("outlet gift cards are not refunded");
        assertThat(outlet.rules()).filteredOn(rule -> rule.name().equals("no-reason return window"))
                .singleElement().satisfies(rule -> {
                    assertThat(rule.origin()).isEqualTo("store-standard");
                    assertThat(rule.pack()).isEqualTo("outlet");
                });
        assertThat(outlet.rules()).hasSize(storeStandard.rules().size() + 1);
    }

    @Test
    void anEmptyFileOfTheParentsNameDropsItsRules() throws Exception {
        Path folder = pack("outlet", OUTLET);
        write(folder, "no-reason-return.drl", "// The outlet takes no no-reason returns (outlet art. 6 replaced).\npackage packs.outlet;\n");
        PolicyEngine outlet = PolicyEngine.load(folder);

        assertThat(outlet.rules()).extracting(PackRule::name).doesNotContain("no-reason return window");
        assertThat(outlet.decide(noReasonReturnOnDay(1)).remedies()).doesNotContain(Remedy.REFUND);
    }

    @Test
    void aFileOfTheParentsNameReplacesIt() throws Exception {
        Path folder = pack("outlet", OUTLET);
        write(folder, "no-reason-return.drl", """
                // Outlet art. 6: no-reason returns on the day of purchase only.
                package packs.outlet;

                import io.policyengine.model.*;
                import io.policyengine.facts.*;
                import function io.policyengine.facts.Params.params;

                rule "no-reason return on the day of purchase"
                    @article("6")
                when
                    $claim : Claim( qualityDefect == false, daysSincePurchase == 0 )
                then
                    Grant.insert( kcontext, $claim, params( "days", 0, "noReasonDays", 0 ), Remedy.REFUND );
                end
                """);
        write(folder, "sentences.en.txt", "[reasons]\nno-reason return on the day of purchase = returned without a defect on the day of purchase\n");
        write(folder, "sentences.zh-CN.txt", "[reasons]\nno-reason return on the day of purchase = 购买当天无理由退货\n");
        PolicyEngine outlet = PolicyEngine.load(folder);

        assertThat(outlet.rules()).extracting(PackRule::name)
                .contains("no-reason return on the day of purchase").doesNotContain("no-reason return window");
        assertThat(outlet.decide(noReasonReturnOnDay(0)).outcome()).isEqualTo(Outcome.REFUND);
        assertThat(outlet.decide(noReasonReturnOnDay(1)).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void theChildsSentencesWinAndTheRestFallBackToTheParents() throws Exception {
        Path folder = pack("outlet", OUTLET);
        write(folder, "sentences.en.txt", "[reasons]\nno-reason return window = outlet return on day {days} of {noReasonDays}\n");
        PolicyEngine outlet = PolicyEngine.load(folder);

        assertThat(outlet.render(noReasonReturnOnDay(2), Locale.ENGLISH).reasons())
                .extracting(RenderedDecision.Words::message).contains("outlet return on day 2 of 3");
        assertThat(outlet.render(defectOnDay(8, Request.REFUND), Locale.ENGLISH).reasons())
                .extracting(RenderedDecision.Words::message)
                .contains("quality defect reported 8 days after purchase, within the 15-day refund window");
        Locale chinese = Locale.forLanguageTag("zh-CN");
        assertThat(outlet.render(noReasonReturnOnDay(2), chinese).reasons())
                .isEqualTo(storeStandard.render(noReasonReturnOnDay(2), chinese).reasons().stream()
                        .map(words -> new RenderedDecision.Words(words.message().replace("7", "3"), words.citation(), words.title()))
                        .toList());
    }

    @Test
    void aChildOfAChildTakesEveryLayer() throws Exception {
        pack("outlet", OUTLET);
        Path clearance = pack("clearance", """
                package packs.clearance;

                declare Pack
                    name    : String = "clearance"
                    version : String = "2"
                    parent  : String = "../outlet"
                end

                declare Terms
                    defectRefundDays : int = 10
                end
                """);
        PolicyEngine engine = PolicyEngine.load(clearance);

        assertThat(engine.terms()).containsEntry("noReasonReturnDays", 3).containsEntry("defectRefundDays", 10);
        assertThat(engine.policy().parents()).extracting(PolicyId::name).containsExactly("outlet", "store-standard", "follow-up-duties");
        assertThat(engine.decide(defectOnDay(10, Request.REFUND)).outcome()).isEqualTo(Outcome.REFUND);
        assertThat(engine.decide(defectOnDay(11, Request.REFUND)).outcome()).isEqualTo(Outcome.EXCHANGE);
    }

    @Test
    void aTermNoParentHasIsAnErrorAtItsLine() throws Exception {
        Path folder = pack("outlet", OUTLET.replace("noReasonReturnDays : int = 3", "noReasonReturnDay : int = 3"));

        assertThatThrownBy(() -> PolicyEngine.load(folder))
                .isInstanceOf(RuleLoadException.class)
                .hasMessageContaining(folder.resolve("pack.drl") + ":11: term noReasonReturnDay: the packs outlet extends have no term of that name")
                .hasMessageContaining("noReasonReturnDays");
    }

    @Test
    void aMissingParentIsAnErrorAtTheParentLine() throws Exception {
        Path folder = pack("outlet", OUTLET.replace("\"store-standard\"", "\"store-standrd\""));

        assertThatThrownBy(() -> PolicyEngine.load(folder))
                .isInstanceOf(RuleLoadException.class)
                .hasMessageStartingWith(folder.resolve("pack.drl") + ":7: parent \"store-standrd\": no bundled pack of that name");
    }

    @Test
    void aCycleOfParentsIsAnErrorAtTheLineThatClosesIt() throws Exception {
        pack("a", "package packs.a;\n\ndeclare Pack\n    name   : String = \"a\"\n    parent : String = \"../b\"\nend\n");
        Path b = pack("b", "package packs.b;\n\ndeclare Pack\n    name   : String = \"b\"\n    parent : String = \"../a\"\nend\n");

        assertThatThrownBy(() -> PolicyEngine.load(b))
                .isInstanceOf(RuleLoadException.class)
                .hasMessageContaining(":5: parent \"../b\" extends this pack again");
    }

    @Test
    void aChildPassesValidateLikeAnyPack() throws Exception {
        assertThat(PolicyEngine.validate(pack("outlet", OUTLET))).filteredOn(problem -> !problem.warning()).isEmpty();
    }

    /** What a decision answers, without the names of the pack that gave it: to compare a child's answer with its parent's. */
    private static String withoutPolicy(Decision decision) {
        return decision.outcome() + " " + decision.remedies() + " " + decision.repairDueDate() + " " + decision.money()
                + decision.reasons().stream().map(r -> r.rule() + r.article() + r.effect() + r.remedy() + r.params()).toList()
                + decision.actions().stream().map(a -> a.action() + " " + a.article() + " " + a.due()).toList();
    }
}
