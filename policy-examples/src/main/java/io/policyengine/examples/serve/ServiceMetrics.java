package io.policyengine.examples.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.policyengine.model.Decision;
import io.policyengine.model.PolicyId;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code GET /metrics} shows, kept by Micrometer and written in the Prometheus text format:
 * {@code policy_decisions_total{outcome,policy,hash}}, {@code policy_bad_input_total},
 * {@code http_server_requests_seconds} (a histogram by method, uri and status),
 * {@code policy_reloads_total{result}}, {@code policy_live{name,version,hash}} and the JVM's basics; and
 * what went wrong on the service's side: {@code policy_rule_failures_total}, {@code policy_decision_log_failures_total},
 * {@code policy_answers_cut_total}; and who was refused, {@code policy_denied_total{reason}} (contract 15).
 */
final class ServiceMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> denials = new ConcurrentHashMap<>();
    private final Counter badInput;
    private final Counter reloadsSucceeded;
    private final Counter reloadsFailed;
    private final MultiGauge livePolicy;
    private final Counter ruleFailures;
    private final Counter answersCut;

    ServiceMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        badInput = Counter.builder("policy.bad.input").description("Claims refused as bad input, single or in a batch")
                .register(registry);
        reloadsSucceeded = reloads("succeeded");
        reloadsFailed = reloads("failed");
        livePolicy = MultiGauge.builder("policy.live").description("The store pack now deciding (value 1)").register(registry);
        ruleFailures = Counter.builder("policy.rule.failures")
                .description("Claims not decided because a rule failed, kept firing or ran past the time limit").register(registry);
        answersCut = Counter.builder("policy.answers.cut")
                .description("Batch answers cut short, without their end, by a failure on the service's side").register(registry);
    }

    /** Counts the decision log's failed writes as {@code policy_decision_log_failures_total}. */
    void watch(DecisionLog log) {
        FunctionCounter.builder("policy.decision.log.failures", log, DecisionLog::failures)
                .description("Writes to the decision log that failed (their claims were answered as not decided)")
                .register(registry);
    }

    /** Counts the callers file's reloads as {@code policy_callers_reloads_total{result}}. */
    void watch(io.policyengine.examples.access.LiveCallers callers) {
        FunctionCounter.builder("policy.callers.reloads", callers, c -> c.reloads(true))
                .description("Changes of the callers file that went live").tag("result", "succeeded").register(registry);
        FunctionCounter.builder("policy.callers.reloads", callers, c -> c.reloads(false))
                .description("Changes of the callers file that did not go live").tag("result", "failed").register(registry);
    }

    void ruleFailed() {
        ruleFailures.increment();
    }

    void answerCut() {
        answersCut.increment();
    }

    private Counter reloads(String result) {
        return Counter.builder("policy.reloads").description("Reloads of the watched rules folder")
                .tag("result", result).register(registry);
    }

    void decided(Decision decision) {
        PolicyId policy = decision.policy();
        String key = decision.outcome() + " " + policy.name() + " " + policy.hash();
        decisions.computeIfAbsent(key, k -> Counter.builder("policy.decisions").description("Claims decided")
                .tags("outcome", decision.outcome().name(), "policy", policy.name(), "hash", policy.hash())
                .register(registry)).increment();
    }

    /** A request (or a claim of a batch) refused by access control, {@code policy_denied_total{reason}}. */
    void denied(String reason) {
        denials.computeIfAbsent(reason, r -> Counter.builder("policy.denied")
                .description("Requests refused by access control (a claim of another store in a batch counts once)")
                .tag("reason", r).register(registry)).increment();
    }

    void badInput() {
        badInput.increment();
    }

    /** One answered request; {@code route} is the endpoint's path (or NOT_FOUND), never the raw URI. */
    void request(String method, String route, int status, long nanos) {
        String key = method + " " + route + " " + status;
        requests.computeIfAbsent(key, k -> Timer.builder("http.server.requests").description("HTTP requests answered")
                .tags(Tags.of("method", method, "uri", route, "status", Integer.toString(status)))
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void reloaded() {
        reloadsSucceeded.increment();
    }

    void reloadFailed() {
        reloadsFailed.increment();
    }

    /** The store packs deciding now: one, or each of a chain's stacks' (contract 14.2). */
    void live(List<PolicyId> policies) {
        List<MultiGauge.Row<?>> rows = new java.util.ArrayList<>();
        for (PolicyId policy : policies) {
            rows.add(MultiGauge.Row.of(Tags.of("name", policy.name(), "version", policy.version(), "hash", policy.hash()), 1));
        }
        livePolicy.register(rows, true);
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
