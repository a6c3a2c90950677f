package io.policyengine.examples.reference;

import io.policyengine.json.ClaimJson;
import io.policyengine.json.ClaimSource;
import io.policyengine.model.Claim;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated claims, written out, read back as the same claims: one per line (each line read straight from its
 * tokens) and as one JSON array (each element read as a tree and checked field by field), so both readers agree.
 */
class GeneratedClaimsReadBackTest {

    private static final long SEED = 21L;
    private static final int CLAIMS = 20_000;

    @Test
    void readsGeneratedClaimsBackAsJsonLinesAndAsAnArray() {
        List<Claim> claims = ClaimGenerator.random(SEED, CLAIMS);
        List<String> written = claims.stream().map(ClaimJson::toJson).toList();

        assertThat(read(String.join("\n", written))).containsExactlyElementsOf(claims);
        assertThat(read("[\n" + String.join(",\n", written) + "\n]")).containsExactlyElementsOf(claims);
    }

    private static List<Claim> read(String text) {
        List<Claim> claims = new ArrayList<>();
        try (ClaimSource source = ClaimSource.of("generated", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            for (ClaimSource.Item item : source) {
                assertThat(item.error()).as("line %d", item.line()).isNull();
                claims.add(item.claim());
            }
        }
        return claims;
    }
}
