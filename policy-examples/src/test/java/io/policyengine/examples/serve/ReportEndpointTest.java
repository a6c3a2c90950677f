package io.policyengine.examples.serve;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /report} over HTTP: what the service's own decision log holds, and its errors. */
class ReportEndpointTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("decisions made by the service show up in its report; a bad period or language is a 400 naming it")
    void reportOfTheServicesOwnLog() throws IOException {
        try (LiveService live = LiveService.start(LiveService.storeStandard(), false, dir.resolve("decisions.jsonl"))) {
            assertThat(live.post("/v1/decisions", "application/json", LiveService.EXAMPLE_CLAIM).statusCode()).isEqualTo(200);

            HttpResponse<String> page = live.get("/report?by=week");
            HttpResponse<String> chinese = live.send(HttpRequest.newBuilder(live.uri("/report")).header("Accept-Language", "zh-CN").GET().build());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).contains("\"by\":\"week\"").contains("\"claims\":1,").contains("<html lang=\"en\">");
            assertThat(chinese.body()).contains("<html lang=\"zh-CN\">").contains("\"by\":\"month\"");
            assertThat(live.get("/report?by=year").body()).isEqualTo("{\"error\":\"by: expected day, week or month, got \\\"year\\\"\"}");
            assertThat(live.get("/report?by=year").statusCode()).isEqualTo(400);
            assertThat(live.get("/report?lang=fr").statusCode()).isEqualTo(400);
        }
    }

    @Test
    @DisplayName("without a decision log the report is empty, not an error")
    void noLog() {
        try (LiveService live = LiveService.start(LiveService.storeStandard(), false, null)) {
            HttpResponse<String> page = live.get("/report");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("\"claims\":0,").contains("\"periods\":[]");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
