package io.policyengine.examples.docs;

// tag::returns-desk[]
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

public final class ReturnsDesk implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PolicyEngine engine;
    private final AutoCloseable watcher;

    public ReturnsDesk(Path rules) throws RuleLoadException {
        engine = PolicyEngine.load(rules);                         // compile once: seconds, not milliseconds
        watcher = engine.watch(Duration.ofMillis(200));            // a broken save keeps the old rules
    }

    /** The decision as JSON, in the customer's language, or {"error": "field: problem"} for a claim that cannot be decided. */
    public String decide(String claimJson, Locale language) {
        try {
            Claim claim = ClaimJson.parse(ClaimJson.readValue("claim", claimJson));
            engine.check(claim);                                   // a version in force on the purchase date
            return DecisionJson.toJson(engine.render(claim, language)); // safe from any number of threads
        } catch (BadInputException e) {
            return "{\"error\": " + JSON.valueToTree(e.getMessage()) + "}";
        }
    }

    @Override
    public void close() throws Exception {
        watcher.close();
    }
}
// end::returns-desk[]
