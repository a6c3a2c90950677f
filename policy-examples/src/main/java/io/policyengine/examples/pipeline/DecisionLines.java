package io.policyengine.examples.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import io.policyengine.Wording;
import io.policyengine.json.ClaimSource;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one writer of a decided batch, for {@code decide --json} and the service's batch answer alike: each
 * decision in its wording's language, or a bad claim's error object (contract section 4), one per line,
 * written as UTF-8 bytes on the worker that decided the batch; no string is built per claim. The batches
 * then go out in input order.
 */
public final class DecisionLines {
    /** A batch's lines, the items among them that are errors (for standard error), and whether every claim got decided. */
    public record Batch(LineBuffer lines, List<ClaimSource.Item> errors, boolean allDecided) {
        /**
         * Writes the lines to {@code out} and each error's one line to {@code err}, then gives the lines' buffer back for
         * the next batches (the batch is not sent twice); false when a rule failed for a claim.
         */
        public boolean sendTo(PrintWriter out, PrintWriter err) {
            CliOutput.writeUtf8(out, lines.buffer(), lines.size());
            lines.release();
            for (ClaimSource.Item error : errors) ClaimBatches.reportOnStderr(error, err);
            return allDecided;
        }
    }

    /** Told of each line once it is written, before its line break: what the service keeps of it. */
    @FunctionalInterface
    public interface Written {
        /** The line of item {@code i} is {@code lines} from {@code start} to its size; {@code decision} is null for an error line. */
        void line(int i, Decision decision, LineBuffer lines, int start);
    }

    private DecisionLines() {
    }

    /** The batch's lines, each decision in the words {@code wordings} gives for its claim (a chain's store's language). */
    public static Batch write(ClaimBatches.Decided decided, Function<Claim, Wording> wordings) {
        return write(decided, wordings, null);
    }

    /** The same, {@code written} told of each line as it is written (when not null), on the calling thread. */
    public static Batch write(ClaimBatches.Decided decided, Function<Claim, Wording> wordings, Written written) {
        List<ClaimSource.Item> items = decided.items();
        LineBuffer lines = LineBuffer.forLines(items.size());
        List<ClaimSource.Item> errors = new ArrayList<>();
        int start = 0; // where the line starts, when written is told: the generator holds the line break until the next flush
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
                if (written != null) {
                    json.flush();
                    written.line(i, decision, lines, start);
                    start = lines.size() + 1;
                }
                json.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte buffer does not fail
        }
        return new Batch(lines, errors, decided.allDecided());
    }
}
