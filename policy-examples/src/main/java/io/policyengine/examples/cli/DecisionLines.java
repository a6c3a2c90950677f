package io.policyengine.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.policyengine.Wording;
import io.policyengine.json.ClaimSource;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Decision;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import io.policyengine.model.Claim;

/**
 * {@code decide --json}'s output, a batch at a time: each decision in the wording's language, or a bad
 * claim's error object, one per line, written as UTF-8 bytes on the worker that decided the batch; no
 * string is built per claim. The batches then go out in input order.
 */
final class DecisionLines {
    /** A batch's lines, the items among them that are errors (for standard error), and whether every claim got decided. */
    record Batch(LineBuffer lines, List<ClaimSource.Item> errors, boolean allDecided) {
        /** Writes the lines to {@code out} and each error's one line to {@code err}; false when a rule failed for a claim. */
        boolean sendTo(PrintWriter out, PrintWriter err) {
            CliOutput.writeUtf8(out, lines.buffer(), lines.size());
            for (ClaimSource.Item error : errors) ClaimBatches.reportOnStderr(error, err);
            return allDecided;
        }
    }

    private DecisionLines() {
    }

    /** The batch's lines, on the calling thread. */
    static Batch write(ClaimBatches.Decided decided, Wording wording) {
        return write(decided, claim -> wording);
    }

    /** The batch's lines, each decision in the words {@code wordings} gives for its claim (a chain's store's language). */
    static Batch write(ClaimBatches.Decided decided, Function<Claim, Wording> wordings) {
        List<ClaimSource.Item> items = decided.items();
        LineBuffer lines = new LineBuffer(items.size());
        List<ClaimSource.Item> errors = new ArrayList<>();
        try (JsonGenerator json = DecisionJson.lines(lines)) {
            for (int i = 0; i < items.size(); i++) {
                Decision decision = decided.decision(i);
                if (decision != null) {
                    DecisionJson.write(json, decision, wordings.apply(decided.results().get(i).claim()));
                } else {
                    // contract section 4: the bad claim's error object in its place
                    ClaimSource.Item error = decided.error(i);
                    DecisionJson.writeError(json, error.line(), error.claimId(), error.error());
                    errors.add(error);
                }
                json.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte buffer does not fail
        }
        return new Batch(lines, errors, decided.allDecided());
    }
}
