package io.policyengine.examples;

import com.fasterxml.jackson.core.JsonGenerator;
import io.policyengine.PolicyEngine;
import io.policyengine.Wording;
import io.policyengine.examples.reference.ClaimGenerator;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Claim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions written as UTF-8 bytes straight away read exactly as their one-line strings, encoded. */
class DecisionBytesTest {
    private static final int CLAIMS = 20_000;

    @ParameterizedTest(name = "{0} over {1} in {2}")
    @CsvSource({
            "store-standard, '', en", "store-standard, '', zh-CN",
            "store-standard, cn-consumer-law, en", "store-standard, cn-consumer-law, zh-CN",
            "electronics-plus, '', en", "electronics-plus, '', zh-CN",
            "factory-warranty, '', en", "factory-warranty, '', zh-CN"})
    void theByteWriterWritesWhatTheStringsSay(String store, String floor, String language) throws Exception {
        PolicyEngine engine = PolicyEngine.bundled(store);
        if (!floor.isEmpty()) engine = engine.withFloor(PolicyEngine.bundled(floor));
        Wording wording = engine.wording(Locale.forLanguageTag(language));
        List<Claim> claims = new ArrayList<>(ClaimGenerator.random(store.hashCode(), CLAIMS));
        Claim first = claims.get(0);
        // a character beyond 16 bits, and halves of one standing alone, as a claim's JSON may give them
        for (String id : List.of("EMOJI-\uD83D\uDE00", "LONE-\uD800-HIGH", "LONE-\uDC00-LOW", "LAST-\uD83D")) {
            claims.add(new Claim(id, first.product(), first.purchaseDate(), first.claimDate(), true, first.request(), first.condition()));
        }
        List<PolicyEngine.Result> results = engine.decideEach(claims);

        StringBuilder strings = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = DecisionJson.lines(bytes)) {
            for (PolicyEngine.Result result : results) {
                if (result.isFailure()) {
                    strings.append(DecisionJson.errorLine(7, result.claim().id(), result.failure().getMessage())).append('\n');
                    DecisionJson.writeError(json, 7, result.claim().id(), result.failure().getMessage());
                } else {
                    strings.append(DecisionJson.toJson(result.decision(), wording)).append('\n');
                    DecisionJson.write(json, result.decision(), wording);
                }
                json.writeRaw('\n');
            }
            for (String id : List.of("BAD-\uD800", "BAD-\uD83D\uDE00")) {
                strings.append(DecisionJson.errorLine(9, id, "bogus: unknown field \uDC00")).append('\n');
                DecisionJson.writeError(json, 9, id, "bogus: unknown field \uDC00");
                json.writeRaw('\n');
            }
        }

        // String.getBytes writes a half standing alone as '?', as the encoding writer of the command line does
        byte[] expected = strings.toString().getBytes(StandardCharsets.UTF_8);
        String written = bytes.toString(StandardCharsets.UTF_8);
        assertThat(firstDifferentLine(written, new String(expected, StandardCharsets.UTF_8))).isNull();
        assertThat(bytes.toByteArray()).isEqualTo(expected);
        assertThat(written).contains("\"claimId\":\"LONE-?-HIGH\"", "\"claimId\":\"EMOJI-\uD83D\uDE00\"", "\"claimId\":\"BAD-?\"");
    }

    /** The first line where the two texts differ, both shown; null when they are the same. */
    private static String firstDifferentLine(String actual, String expected) {
        String[] a = actual.split("\n", -1);
        String[] e = expected.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, e.length); i++) {
            String got = i < a.length ? a[i] : "(none)";
            String want = i < e.length ? e[i] : "(none)";
            if (!got.equals(want)) return "line " + (i + 1) + ":\n  bytes:  " + got + "\n  string: " + want;
        }
        return null;
    }
}
