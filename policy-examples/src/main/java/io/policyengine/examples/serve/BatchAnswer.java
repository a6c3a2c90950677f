package io.policyengine.examples.serve;

import io.policyengine.Wording;
import io.policyengine.examples.cli.ClaimBatches;
import io.policyengine.json.ClaimSource;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Decision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The answer to a batch: one JSON line per claim, a decision or {@code {"line","claimId","error"}}, in
 * order, exactly as {@code ./policy decide --json} prints them. Lines go out in parts of about 64 KiB
 * through a {@link SpillingOutput}, each part's decisions written to the decision log before the part
 * leaves, so memory stays bounded whatever the batch's size and however the client reads.
 */
final class BatchAnswer implements ClaimBatches.Sink {
    private static final int PART_BYTES = 1 << 16;

    private final SpillingOutput out;
    private final Wording wording;
    private final DecisionLog log;
    private final ServiceMetrics metrics;
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream(PART_BYTES + 4096);
    private final ByteArrayOutputStream logLines = new ByteArrayOutputStream();

    BatchAnswer(OutputStream out, Wording wording, DecisionLog log, ServiceMetrics metrics) {
        this.out = new SpillingOutput(out);
        this.wording = wording;
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public void accept(ClaimSource.Item item, Decision decision) {
        String line;
        if (decision == null) {
            metrics.badInput();
            line = DecisionJson.errorLine(item.line(), item.claimId(), item.error());
        } else {
            line = AnswerJson.decision(decision, wording);
            if (log.enabled()) DecisionLog.line(logLines, DecisionLog.newId(), Instant.now(), item.claim(), decision, line);
            metrics.decided(decision);
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        lines.write(bytes, 0, bytes.length);
        lines.write('\n');
        if (lines.size() >= PART_BYTES) {
            try {
                sendPart();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Sends what is left; the batch is answered once this returns. */
    void finish() throws IOException {
        sendPart();
        out.finish();
    }

    /** Ends the answer early: nothing more will come. */
    void abort() {
        out.abort();
    }

    private void sendPart() throws IOException {
        log.append(logLines);
        logLines.reset();
        out.write(lines.toByteArray());
        lines.reset();
    }
}
