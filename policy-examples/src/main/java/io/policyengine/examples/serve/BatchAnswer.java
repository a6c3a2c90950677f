package io.policyengine.examples.serve;

import io.policyengine.RuleFailureException;
import io.policyengine.Wording;
import io.policyengine.examples.cli.ClaimBatches;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a batch: one JSON line per claim, a decision or {@code {"line","claimId","error"}}, in
 * order, exactly as {@code ./policy decide --json} prints them. Lines go out in parts of about 64 KiB
 * through a {@link SpillingOutput}, each part's decisions written to the decision log before the part
 * leaves, so memory stays bounded whatever the batch's size and however the client reads. When the log
 * cannot take a part's records, each decision of that part goes out as an error line instead: a claim is
 * answered as decided only once its record is kept.
 */
final class BatchAnswer implements ClaimBatches.Sink {
    private static final Logger LOG = LoggerFactory.getLogger(BatchAnswer.class);
    private static final int PART_BYTES = 1 << 16;

    /** One claim's line of the part being gathered; {@code decision} is null for an error line. */
    private record Line(ClaimSource.Item item, Decision decision, String json) {
    }

    private final SpillingOutput out;
    private final Wording wording;
    private final DecisionLog log;
    private final ServiceMetrics metrics;
    private final List<Line> part = new ArrayList<>();
    private int partChars;
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
        }
        add(new Line(item, decision, line));
    }

    @Override
    public void ruleFailed(ClaimSource.Item item, RuleFailureException failure) {
        metrics.ruleFailed();
        LOG.error("claim {} (line {} of a batch) not decided: {}", item.claimId(), item.line(), failure.getMessage());
        add(new Line(item, null, DecisionJson.errorLine(item.line(), item.claimId(), failure.getMessage())));
    }

    private void add(Line line) {
        part.add(line);
        partChars += line.json().length() + 1;
        if (partChars >= PART_BYTES) {
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
        String notLogged = null;
        try {
            log.append(logLines);
        } catch (DecisionLog.Unwritable e) {
            notLogged = "not decided: " + e.getMessage() + "; send the claim again later";
        } finally {
            logLines.reset();
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream(partChars + 1024);
        for (Line line : part) {
            String json = line.json();
            if (line.decision() != null) {
                if (notLogged == null) metrics.decided(line.decision());
                else json = DecisionJson.errorLine(line.item().line(), line.item().claimId(), notLogged);
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            lines.write(bytes, 0, bytes.length);
            lines.write('\n');
        }
        part.clear();
        partChars = 0;
        out.write(lines.toByteArray());
    }
}
