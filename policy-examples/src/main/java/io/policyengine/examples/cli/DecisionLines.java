package io.policyengine.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.policyengine.Wording;
import io.policyengine.json.ClaimSource;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * {@code decide --json}'s output: one generator for the whole run writes each decision in the
 * wording's language, or a bad claim's error object, straight to the output, one per line; no string
 * is built per claim.
 */
final class DecisionLines implements AutoCloseable {
    private static final String NEWLINE = System.lineSeparator();
    private final JsonGenerator json;
    private final Wording wording;

    DecisionLines(Writer out, Wording wording) {
        this.wording = wording;
        try {
            this.json = DecisionJson.lines(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void decision(Decision decision) {
        try {
            DecisionJson.write(json, decision, wording);
            json.writeRaw(NEWLINE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Contract section 4: the bad claim's error object in its place. */
    void badInput(ClaimSource.Item item) {
        try {
            DecisionJson.writeError(json, item.line(), item.claimId(), item.error());
            json.writeRaw(NEWLINE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes what is written to the output, which stays open. */
    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
