package io.policyengine.examples.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policyengine.PolicyEngine;
import io.policyengine.examples.cli.PolicyCli;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Decision logs for the report's tests, written as {@code serve --decision-log} writes them, and the command line to read them. */
public final class DecisionLogs {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static PolicyEngine engine;

    private DecisionLogs() {
    }

    public static synchronized PolicyEngine engine() {
        if (engine == null) engine = PolicyEngine.storeStandard();
        return engine;
    }

    /** The decision-log line of {@code claim} decided by the store-standard pack. */
    public static String line(Claim claim) {
        return line(claim, engine().decide(claim));
    }

    public static String line(Claim claim, Decision decision) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionRecord.write(out, "id-" + claim.id(), Instant.parse("2026-06-01T10:00:00Z"), claim, null, decision,
                DecisionJson.toJson(decision, engine().wording(Locale.ENGLISH)));
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    /** A claim from JSON text. */
    public static Claim claim(String json) {
        return ClaimJson.parse(ClaimJson.readValue("claim", json));
    }

    /** A claim of day {@code claimDate} with a quality defect and a fault: the early warnings' kind. */
    public static Claim defect(String id, String sku, String fault, String claimDate) {
        return claim("{\"id\": \"" + id + "\", \"product\": {\"sku\": \"" + sku + "\"}, \"purchaseDate\": \"2026-01-01\", "
                + "\"claimDate\": \"" + claimDate + "\", \"qualityDefect\": true, \"fault\": \"" + fault + "\"}");
    }

    /** The line with {@code field} set in its decision object to {@code value} (JSON text). */
    public static String withDecisionField(String line, String field, String value) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            ((ObjectNode) node.get("decision")).set(field, JSON.readTree(value));
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line with its top-level {@code field} set to {@code value} (JSON text), such as {@code time}. */
    public static String withField(String line, String field, String value) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            node.set(field, JSON.readTree(value));
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lines as a chain's service logs them (contract 14.3): line {@code i}'s claim made at store {@code SH-%03d} of
     * {@code stores}, the line naming the store's region (one of four); every seventh claim without a store.
     */
    public static List<String> atStores(List<String> lines, int stores) {
        List<String> chain = new java.util.ArrayList<>(lines.size());
        try {
            for (int i = 0; i < lines.size(); i++) {
                ObjectNode node = (ObjectNode) JSON.readTree(lines.get(i));
                if (i % 7 != 6) {
                    int store = i % stores;
                    ((ObjectNode) node.get("claim")).put("store", String.format("SH-%03d", store));
                    node.put("region", List.of("East", "North", "South", "Online").get(store % 4));
                }
                chain.add(JSON.writeValueAsString(node));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return chain;
    }

    /** The line as a log written before contract v5 has it: without the decision's {@code money} and {@code actions}. */
    public static String beforeMoneyAndDuties(String line) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            ((ObjectNode) node.get("decision")).remove(List.of("money", "actions"));
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one run of the command line printed, and its exit code. */
    public record Run(int exit, String out, String err) {
        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    public static Run policy(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PolicyCli.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }
}
