package io.policyengine;

import io.policyengine.model.Claim;
import io.policyengine.model.Condition;
import io.policyengine.model.Decision;
import io.policyengine.model.Packaging;
import io.policyengine.model.Product;
import io.policyengine.model.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract 8.4: a pack's sentences are its own files, checked like its rules. */
class SentencesTest {
    private static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    @TempDir
    Path temp;

    private static Claim damagedPackagingDefectOnDay3() {
        LocalDate bought = LocalDate.of(2026, 5, 10);
        return new Claim("PKG-3", Product.of("KETTLE-1"), bought, bought.plusDays(3), true, Request.REFUND,
                new Condition(Packaging.DAMAGED, true, true, false, false));
    }

    @Test
    void rewordingTheArticle13SentenceChangesTheNextDecisionWithNoRuleEdit() throws Exception {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PolicyEngine engine = PolicyEngine.load(pack);
        Decision before = engine.decide(damagedPackagingDefectOnDay3());
        assertThat(engine.wording(CHINESE).summary(before)).isEqualTo("不能退货：商品原包装损坏（第十三条）。为您免费维修，2026年5月20日前修好。");

        PackCopy.edit(pack, "sentences.zh-CN.txt", "damaged or missing packaging excludes refund and exchange = 商品原包装{packaging",
                "damaged or missing packaging excludes refund and exchange = 外包装{packaging");
        PackCopy.edit(pack, "sentences.zh-CN.txt", "[refusals]\n", "[refusals]\n# reworded\n");
        engine.reload();
        Decision after = engine.decide(damagedPackagingDefectOnDay3());

        assertThat(after.reasons()).isEqualTo(before.reasons());
        assertThat(engine.wording(CHINESE).message(after, after.reasons().stream()
                .filter(r -> r.article().equals("13")).findFirst().orElseThrow()))
                .isEqualTo("外包装损坏，不能退货或换货（仍可维修）");
        assertThat(after.policy().hash()).as("a reworded sentence is another policy text").isNotEqualTo(before.policy().hash());
    }

    @Test
    void aMissingSentenceIsReportedAtTheRule() throws IOException {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "sentences.zh-CN.txt", "gifts exclude refund and exchange = 赠品不能退货或换货（仍可维修）\n", "");

        assertThat(PolicyEngine.validate(pack)).singleElement().satisfies(p -> {
            assertThat(p.warning()).isFalse();
            assertThat(p.file()).isEqualTo(pack.resolve("exclusions.drl"));
            assertThat(p.line()).isEqualTo(lineOf(pack.resolve("exclusions.drl"), "rule \"gifts exclude refund and exchange\""));
            assertThat(p.message()).contains("has no sentence in sentences.zh-CN.txt");
        });
    }

    @Test
    void aPlaceholderTheRuleDoesNotGiveIsReportedAtItsLine() throws IOException {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "sentences.en.txt", "within the {refundDays}-day refund window\n", "within the {refundDayz}-day refund window\n");

        assertThat(PolicyEngine.validate(pack)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(pack.resolve("sentences.en.txt"));
            assertThat(p.line()).isEqualTo(lineOf(pack.resolve("sentences.en.txt"), "defect refund window ="));
            assertThat(p.message()).isEqualTo("\"defect refund window\" names {refundDayz}, which its rule does not give (it gives: days, refundDays)");
        });
    }

    @Test
    void aSentenceForARuleThatDoesNotExistIsReported() throws IOException {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "sentences.en.txt", "[refusals]\n", "defect refund windows = a typo\n\n[refusals]\n");

        assertThat(PolicyEngine.validate(pack)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(pack.resolve("sentences.en.txt"));
            assertThat(p.line()).isEqualTo(lineOf(pack.resolve("sentences.en.txt"), "defect refund windows ="));
            assertThat(p.message()).contains("rule \"defect refund windows\", which this pack does not have");
        });
    }

    @Test
    void aRuleWithoutAChineseTitleIsAWarningAtTheRule() throws IOException {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "sentences.zh-CN.txt", "gifts exclude refund and exchange = 赠品不退不换\n", "");

        assertThat(PolicyEngine.validate(pack)).singleElement().satisfies(p -> {
            assertThat(p.warning()).isTrue();
            assertThat(p.file()).isEqualTo(pack.resolve("exclusions.drl"));
            assertThat(p.line()).isEqualTo(lineOf(pack.resolve("exclusions.drl"), "rule \"gifts exclude refund and exchange\""));
            assertThat(p.message()).isEqualTo("rule \"gifts exclude refund and exchange\" has no title in sentences.zh-CN.txt: explain and"
                    + " the counter page show its name in English (add `gifts exclude refund and exchange = ...` under [titles])");
        });
    }

    @Test
    void anArticleNoPatternCitesIsAWarningInEachLanguage() throws IOException {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "exclusions.drl", "rule \"gifts exclude refund and exchange\"\n    @article(\"15\")",
                "rule \"gifts exclude refund and exchange\"\n    @article(\"F1\")");

        assertThat(PolicyEngine.validate(pack)).extracting(RuleProblem::message).containsExactlyInAnyOrder(
                "article \"F1\" of rule \"gifts exclude refund and exchange\" matches no pattern under [articles] in sentences.en.txt:"
                        + " it is cited bare, as (F1)",
                "article \"F1\" of rule \"gifts exclude refund and exchange\" matches no pattern under [articles] in sentences.zh-CN.txt:"
                        + " it is cited bare, as (F1)");
    }

    @Test
    void aFileThatIsNotUtf8IsReportedWithItsLine() throws IOException {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        Path file = pack.resolve("sentences.zh-CN.txt");
        int line = lineOf(file, "gifts exclude refund and exchange =");
        ByteArrayOutputStream savedAsGbk = new ByteArrayOutputStream();
        for (String text : Files.readAllLines(file)) {
            savedAsGbk.write((text + "\n").getBytes(text.startsWith("gifts exclude") ? Charset.forName("GBK") : StandardCharsets.UTF_8));
        }
        Files.write(file, savedAsGbk.toByteArray());

        assertThat(PolicyEngine.validate(pack)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).isEqualTo("not valid UTF-8: save the file as UTF-8");
        });
    }

    @Test
    void aBrokenSentenceKeepsTheOldRulesServing() throws Exception {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PolicyEngine engine = PolicyEngine.load(pack);
        String before = engine.policy().hash();
        PackCopy.edit(pack, "sentences.en.txt", "defect refund window = quality", "defect refund window = {quality");

        assertThatThrownBy(engine::reload).isInstanceOf(RuleLoadException.class).hasMessageContaining("sentences.en.txt:");
        assertThat(engine.policy().hash()).isEqualTo(before);
        assertThat(engine.wording(Locale.ENGLISH).summary(engine.decide(damagedPackagingDefectOnDay3()))).startsWith("No refund");
    }

    @Test
    void aPackWithEnglishOnlyIsValidAndRefusesChineseNamingThePack() throws Exception {
        Path pack = PackCopy.storeStandardIn(temp.resolve("english-only"));
        // on its own: a parent's Chinese sentences would make the pack speak Chinese, with none for its own rules
        PackCopy.edit(pack, "pack.drl", "    parent        : String = \"follow-up-duties\"   // article 16's repair period and the duties of 26-36\n", "");
        Files.delete(pack.resolve("sentences.zh-CN.txt"));

        assertThat(PolicyEngine.validate(pack)).isEmpty();
        PolicyEngine engine = PolicyEngine.load(pack);
        assertThatThrownBy(() -> engine.wording(CHINESE)).isInstanceOf(UnsupportedLanguageException.class)
                .hasMessage("unsupported \"zh-CN\" for pack store-standard (" + pack + "), which has sentences in: en");
        assertThatThrownBy(() -> engine.wording(Locale.FRENCH)).isInstanceOf(UnsupportedLanguageException.class)
                .hasMessage("unsupported \"fr\"; supported: en, zh-CN");
    }

    private static int lineOf(Path file, String start) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) return i + 1;
        }
        throw new AssertionError(start + " not in " + file);
    }

}
