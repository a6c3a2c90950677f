package io.policyengine.examples.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The author's commands in 中文: their own words come from words.zh-CN.properties; ids, fields and values stay as written. */
class ChineseCommandsTest {

    @Test
    @DisplayName("test --lang zh-CN: a failure, the headings of its diff and the count in Chinese")
    void testSaysItsFailuresInChinese(@TempDir Path dir) {
        // day 8 with a defect is a refund (art. 7): the second example expects an exchange and fails
        Path examples = Cli.write(dir.resolve("examples.jsonl"),
                Cli.example(Cli.claim("C-1"), "REFUND") + "\n" + Cli.example(Cli.claim("C-2"), "EXCHANGE") + "\n");

        Cli.Run run = Cli.run("test", "--lang", "zh-CN", examples.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.outLines()).contains("未通过 C-2（" + examples + ":2）", "通过 1 个，未通过 1 个")
                .anyMatch(line -> line.matches(" {4}字段 +预期 +实际"))
                .anyMatch(line -> line.matches(" {4}outcome +EXCHANGE +REFUND"))
                .anyMatch(line -> line.startsWith("  摘要："));
        assertThat(Cli.run("test", examples.toString()).outLines()).contains("FAIL C-2 (" + examples + ":2)", "1 passed, 1 failed");
    }

    @Test
    @DisplayName("validate --lang zh-CN: the verdict in Chinese, the file's problems as the contract writes them")
    void validateSaysItsVerdictInChinese() {
        Cli.Run run = Cli.run("validate", "--lang", "zh-CN", Cli.STORE_STANDARD.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).contains("store-standard 1 继承 follow-up-duties 1")
                .last().asString().startsWith(Cli.STORE_STANDARD + "：有效");
    }
}
