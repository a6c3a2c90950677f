package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #23, findings 1, 2 and 7: the decision log on a full disk never tears, and a claim whose record
 * could not be kept is never answered as decided.
 */
class DecisionLogFaultsTest {
    @TempDir
    Path temp;

    static String claim(String id) {
        ObjectNode claim = (ObjectNode) LiveService.parse(LiveService.EXAMPLE_CLAIM);
        claim.put("id", id);
        return claim.toString();
    }

    @Test
    @DisplayName("finding 2: a full disk gets the claim a 503 JSON error, the log stays whole lines, /readyz says not ready until there is room")
    void fullDiskOneClaim() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(temp.resolve("disk"), "64k");
             LiveService live = LiveService.start(LiveService.storeStandard(), false, disk.dir.resolve("decisions.jsonl"))) {
            List<String> decided = new ArrayList<>();
            disk.fill();
            // the log's last page may still hold a record or two: the disk is full once a claim is refused
            HttpResponse<String> refused = null;
            for (int i = 1; i <= 20 && refused == null; i++) {
                HttpResponse<String> answer = live.post("/v1/decisions", "application/json", claim("C-" + i));
                if (answer.statusCode() == 200) decided.add("C-" + i);
                else refused = answer;
            }

            assertThat(refused).isNotNull();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(LiveService.parse(refused.body()).get("error").asText())
                    .startsWith("not decided: decision log: cannot be written (No space left on device)");
            assertThat(live.get("/readyz").statusCode()).isEqualTo(503);
            assertThat(live.get("/metrics").body()).containsPattern("policy_decision_log_failures_total(\\{[^}]*\\})? 1\\.0");
            assertWholeRecords(live.decisionLog, decided.toArray(String[]::new));

            disk.free();
            assertThat(live.get("/readyz").statusCode()).isEqualTo(200);
            assertThat(live.post("/v1/decisions", "application/json", claim("C-after")).statusCode()).isEqualTo(200);
            decided.add("C-after");
            assertWholeRecords(live.decisionLog, decided.toArray(String[]::new));
        }
    }

    @Test
    @DisplayName("finding 1: a batch on a full disk answers each claim it could not log as an error line, none as decided")
    void fullDiskBatch() throws Exception {
        try (Tmpfs disk = Tmpfs.mount(temp.resolve("disk"), "64k");
             LiveService live = LiveService.start(LiveService.storeStandard(), false, disk.dir.resolve("decisions.jsonl"))) {
            disk.fill();
            StringBuilder body = new StringBuilder();
            for (int i = 1; i <= 200; i++) body.append(claim("B-" + i)).append('\n');

            HttpResponse<String> answer = live.post("/v1/decisions", "application/x-ndjson", body.toString());

            assertThat(answer.statusCode()).isEqualTo(200);
            List<String> lines = answer.body().lines().toList();
            assertThat(lines).hasSize(200);
            for (int i = 0; i < lines.size(); i++) {
                JsonNode line = LiveService.parse(lines.get(i));
                assertThat(line.get("line").asInt()).isEqualTo(i + 1);
                assertThat(line.get("claimId").asText()).isEqualTo("B-" + (i + 1));
                assertThat(line.get("error").asText()).startsWith("not decided: decision log: cannot be written");
            }
            assertThat(Files.size(live.decisionLog)).isZero();
        }
    }

    @Test
    @DisplayName("finding 7: a worker interrupted at shutdown neither loses its record nor keeps the log from being forced and closed")
    void interruptedWriter() throws Exception {
        Path file = temp.resolve("decisions.jsonl");
        DecisionLog log = DecisionLog.open(file);
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write("{\"decisionId\":\"1\"}\n".getBytes(StandardCharsets.UTF_8));

        Thread.currentThread().interrupt();
        try {
            log.append(record);
        } finally {
            Thread.interrupted();
        }
        log.close();

        assertThat(Files.readString(file)).isEqualTo("{\"decisionId\":\"1\"}\n");
    }

    @Test
    @DisplayName("a record a crash left torn at the end of the log is cut off when the log is opened again")
    void tornTailCutOnOpen() throws Exception {
        Path file = temp.resolve("decisions.jsonl");
        Files.writeString(file, "{\"decisionId\":\"1\"}\n{\"decisionId\":\"2\",\"claim\":{\"packaging\":\"INTACT\",");

        DecisionLog.open(file).close();

        assertThat(Files.readString(file)).isEqualTo("{\"decisionId\":\"1\"}\n");
    }

    /** Every line of the log is one whole JSON record, the file ends with a line break, and the records are those of these claims. */
    private static void assertWholeRecords(Path log, String... claimIds) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (!text.isEmpty()) assertThat(text).endsWith("\n");
        List<String> ids = new ArrayList<>();
        for (String line : text.lines().toList()) ids.add(LiveService.parse(line).get("claim").get("id").asText());
        assertThat(ids).containsExactly(claimIds);
    }
}
