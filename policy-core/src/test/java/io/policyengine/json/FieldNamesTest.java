package io.policyengine.json;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FieldNamesTest {

    private static final List<String> FIELDS = List.of("id", "price", "saleType", "warrantyCard");

    @Test
    void suggestsACaseInsensitiveMatchOrACloseSpelling() {
        assertThat(FieldNames.suggestion("SALETYPE", FIELDS)).isEqualTo(" (did you mean saleType?)");
        assertThat(FieldNames.suggestion("prise", FIELDS)).isEqualTo(" (did you mean price?)");
        assertThat(FieldNames.suggestion("waranty_Card", FIELDS)).isEqualTo(" (did you mean warrantyCard?)");
    }

    @Test
    void suggestsNothingWhenNoFieldIsClose() {
        assertThat(FieldNames.suggestion("colour", FIELDS)).isEmpty();
        assertThat(FieldNames.suggestion("x", FIELDS)).isEmpty();
        assertThat(FieldNames.suggestion("sale", FIELDS)).isEmpty();
    }

    @Test
    void measuresEditDistance() {
        assertThat(FieldNames.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(FieldNames.editDistance("", "abc")).isEqualTo(3);
        assertThat(FieldNames.editDistance("same", "same")).isZero();
    }
}
