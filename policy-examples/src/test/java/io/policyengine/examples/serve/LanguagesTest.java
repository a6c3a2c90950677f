package io.policyengine.examples.serve;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Accept-Language (contract 8.1): zh-CN, zh and zh-Hans pick zh-CN, q-values are honoured, anything else en. */
class LanguagesTest {

    @ParameterizedTest(name = "\"{0}\" with default {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "zh-CN                      | en    | zh-CN",
            "zh                         | en    | zh-CN",
            "zh-Hans                    | en    | zh-CN",
            "zh-Hans-CN                 | en    | zh-CN",
            "en-US                      | zh-CN | en",
            "fr                         | zh-CN | en",
            "zh-TW                      | zh-CN | en",
            "fr;q=0.9, zh;q=0.8, en;q=0.7 | en  | zh-CN",
            "en;q=0.5, zh-CN            | en    | zh-CN",
            "zh-CN;q=0, en              | zh-CN | en",
            "*                          | zh-CN | zh-CN",
            "''                         | zh-CN | zh-CN",
            "not a ;; header ==         | zh-CN | zh-CN"})
    void acceptLanguage(String header, String fallback, String expected) {
        Locale chosen = Languages.accepted(header, Locale.forLanguageTag(fallback));

        assertThat(chosen.toLanguageTag()).isEqualTo(expected);
    }
}
