package io.policyengine.examples.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policyengine.Batches;
import io.policyengine.PolicyEngine;
import io.policyengine.RenderedDecision;
import io.policyengine.RuleLoadException;
import io.policyengine.StoreEngine;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.PolicyId;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Java snippets of README.md and docs/, as source the build compiles: each {@code tag::NAME[]} region is
 * shown in a document under {@code <!-- source: ...#NAME -->}, and {@code DocsExamplesTest} checks that the
 * document still shows it to the letter. Change a snippet here, and copy it to its documents.
 */
@SuppressWarnings("unused")
final class ApiSnippets {

    private ApiSnippets() {
    }

    static void api(Claim claim, List<Claim> claims) throws RuleLoadException {
        // tag::api[]
        PolicyEngine engine = PolicyEngine.load(Path.of("my-rules"));   // or PolicyEngine.storeStandard()
        Decision d = engine.decide(claim);                               // thread-safe, reusable
        List<Decision> all = engine.decideAll(claims);                   // same rules for the whole batch
        // end::api[]
    }

    static void json(PolicyEngine engine, ObjectMapper objectMapper, String body) {
        // tag::json[]
        Claim claim = ClaimJson.parse(ClaimJson.readValue("claim", body)); // io.policyengine.json, strict
        RenderedDecision d = engine.render(claim, Locale.forLanguageTag("zh-CN"));
        String summary = d.summary();                                    // what the cashier reads aloud
        String json = DecisionJson.toJson(d);                            // contract section 2, one line
        String why = DecisionJson.explanationJson(engine.explain(claim), engine.wording(Locale.ENGLISH));
        PolicyId p = engine.policy();                                    // name, version, content hash
        // end::json[]
    }

    static void floor() throws RuleLoadException {
        // tag::floor[]
        PolicyEngine underLaw = PolicyEngine.storeStandard().withFloor(PolicyEngine.bundled("cn-consumer-law"));
        // end::floor[]
    }

    static void stream(PolicyEngine engine, Iterable<Claim> incoming, Consumer<PolicyEngine.Result> out) {
        // tag::stream[]
        boolean allDecided = Batches.inOrder(
                each -> incoming.forEach(each),          // read on a thread of its own: a file, a queue, a socket
                engine::decideEach,                      // 512 claims a batch, on every core
                results -> {                             // each batch back in input order, on this thread
                    results.forEach(out);                // the decision, or the rule that failed for that claim
                    return results.stream().noneMatch(PolicyEngine.Result::isFailure);
                });
        // end::stream[]
    }

    static void stores(Claim claim, List<Claim> claims) throws Exception {
        // tag::stores[]
        StoreEngine chain = PolicyEngine.forStores(Path.of("chain/stores.csv")); // every problem at once, FILE:LINE
        Decision d = chain.decide(claim);                     // by the stack of claim.store(), else the * row's
        List<PolicyEngine.Result> each = chain.decideEach(claims);  // many stores in one batch, in order
        AutoCloseable watcher = chain.watch(Duration.ofMillis(200), PolicyEngine.ReloadListener.NONE);
        // end::stores[]
    }

    static void reload(Path rulesDir) throws Exception {
        // tag::reload[]
        PolicyEngine engine = PolicyEngine.load(rulesDir);
        AutoCloseable watcher = engine.watch(Duration.ofMillis(200));   // close it to stop watching
        // or, when your application decides the moment: engine.reload();
        // end::reload[]
    }

    static void liveRules(Claim claim) throws RuleLoadException {
        // tag::live-rules[]
        PolicyEngine engine = PolicyEngine.load(Path.of("live-rules"));
        AutoCloseable watcher = engine.watch(Duration.ofMillis(200));   // close it to stop watching
        Decision d = engine.decide(claim);                               // always the latest rules that compiled
        // end::live-rules[]
    }
}
