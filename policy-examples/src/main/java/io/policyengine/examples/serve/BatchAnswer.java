package io.policyengine.examples.serve;

import io.policyengine.examples.report.DecisionRecord;
import io.policyengine.examples.pipeline.DecisionLines;
import io.policyengine.examples.pipeline.LineBuffer;
import io.policyengine.examples.pipeline.ClaimBatches;
import io.policyengine.Wording;
import io.policyengine.json.ClaimSource;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import io.policyengine.model.Claim;

/**
 * The answer to a batch: one JSON line per claim, a decision or {@code {"line","claimId","error"}}, in
 * order, exactly as {@code ./policy decide --json} prints them. Each batch of claims is written, with its
 * decision log records, on the worker that decided it ({@link #write}); the parts then go out in order
 * ({@link #send}) through a {@link SpillingOutput}, each part's decisions written to the decision log
 * before the part leaves, so memory stays bounded whatever the batch's size and however the client reads.
 * When the log cannot take a part's records, each decision of that part goes out as an error line
 * instead: a claim is answered as decided only once its record is kept.
 */
final class BatchAnswer {
    private static final Logger LOG = LoggerFactory.getLogger(BatchAnswer.class);

    /** A part of the answer: its lines as UTF-8, where each line ends, its batch, and the decision log's records of its decisions. */
    record Part(byte[] lines, int[] ends, ClaimBatches.Decided decided, ByteArrayOutputStream logLines) {
    }

    private final SpillingOutput out;
    /** Each claim's words: the request's language, or its store's. */
    private final Function<Claim, Wording> wordings;
    /** The region of each claim's store, written beside it in the decision log; null when unsaid. */
    private final Function<Claim, String> regions;
    private final DecisionLog log;
    private final ServiceMetrics metrics;

    /** The caller's name for the decision log; null without access control. */
    private final String caller;

    BatchAnswer(OutputStream out, Function<Claim, Wording> wordings, Function<Claim, String> regions, DecisionLog log, ServiceMetrics metrics,
                String caller) {
        this.caller = caller;
        this.out = new SpillingOutput(out);
        this.regions = regions;
        this.wordings = wordings;
        this.log = log;
        this.metrics = metrics;
    }

    /** The batch's part of the answer, on the worker that decided it: its lines as decide --json writes them, and their log records. */
    Part write(ClaimBatches.Decided decided) {
        List<ClaimSource.Item> items = decided.items();
        ByteArrayOutputStream logLines = new ByteArrayOutputStream(log.enabled() ? 1 << 16 : 0);
        int[] ends = new int[items.size()];
        LineBuffer lines = DecisionLines.write(decided, wordings, (i, decision, written, start) -> {
            ClaimSource.Item item = items.get(i);
            if (decided.ruleFailed(i)) {
                metrics.ruleFailed();
                LOG.error("claim {} (line {} of a batch) not decided: {}", item.claimId(), item.line(), decided.error(i).error());
            }
            if (decision != null && log.enabled()) {
                DecisionRecord.write(logLines, DecisionLog.newId(), Instant.now(), caller, item.claim(), regions.apply(item.claim()), decision,
                        written.textFrom(start));
            }
            ends[i] = written.size();
        }).lines();
        // a copy of its own size: what waits to be sent is counted by its length (SpillingOutput), the buffer goes to the next batch
        Part part = new Part(lines.toByteArray(), ends, decided, logLines);
        lines.release();
        return part;
    }

    /** Sends a part, in the order of the batch; false when a rule failed for one of its claims. */
    boolean send(Part part) {
        String notLogged = null;
        try {
            log.append(part.logLines());
        } catch (DecisionLog.Unwritable e) {
            notLogged = "not decided: " + e.getMessage() + "; send the claim again later";
        }
        ClaimBatches.Decided decided = part.decided();
        for (int i = 0; i < decided.items().size(); i++) {
            Decision decision = decided.decision(i);
            if (decision == null) {
                if (!decided.ruleFailed(i)) metrics.badInput();
            } else if (notLogged == null) {
                metrics.decided(decision);
            }
        }
        try {
            out.write(notLogged == null ? part.lines() : withoutDecisions(part, notLogged));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return decided.allDecided();
    }

    /** The part's lines with each decision replaced by an error line saying why it was not kept. */
    private static byte[] withoutDecisions(Part part, String why) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream(part.lines().length);
        ClaimBatches.Decided decided = part.decided();
        for (int i = 0; i < decided.items().size(); i++) {
            int start = i == 0 ? 0 : part.ends()[i - 1] + 1;
            if (decided.decision(i) == null) {
                lines.write(part.lines(), start, part.ends()[i] + 1 - start);
            } else {
                ClaimSource.Item item = decided.items().get(i);
                lines.writeBytes(DecisionJson.errorLine(item.line(), item.claimId(), why).getBytes(StandardCharsets.UTF_8));
                lines.write('\n');
            }
        }
        return lines.toByteArray();
    }

    /** Sends what is left; the batch is answered once this returns. */
    void finish() throws IOException {
        out.finish();
    }

    /** Ends the answer early: nothing more will come. */
    void abort() {
        out.abort();
    }
}
