package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policyengine.PolicyEngine;
import io.policyengine.UnsupportedLanguageException;
import io.policyengine.Wording;
import io.policyengine.model.PolicyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine the service decides with, and what {@code GET /v1/policy} tells of it: which rules are
 * live, since when, and why the last reload failed. With a rules folder, the folder is watched: a save
 * that compiles goes live, a broken one leaves the old rules serving and is reported.
 */
final class LiveRules implements PolicyEngine.ReloadListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofMillis(200);

    final PolicyEngine engine;
    private final ServiceMetrics metrics;
    private final AutoCloseable watcher;
    private volatile Instant loadedAt = Instant.now();
    private volatile String lastReloadError;
    /** The engine's words by language, made once per language and again after each reload. */
    private final Map<Locale, Wording> wordings = new ConcurrentHashMap<>();

    /** @param watched whether the engine was loaded from a folder to watch */
    LiveRules(PolicyEngine engine, boolean watched, ServiceMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
        metrics.live(engine.policy());
        this.watcher = watched ? engine.watch(SETTLE, this) : () -> { };
    }

    /**
     * The engine's words in {@code language}.
     *
     * @throws HttpError 400 naming {@code lang} when a pack of the live rules has no sentences in it
     */
    Wording wording(Locale language) {
        try {
            return wordings.computeIfAbsent(language, engine::wording);
        } catch (UnsupportedLanguageException e) {
            throw new HttpError(400, "lang: " + e.getMessage());
        }
    }

    @Override
    public void reloaded(PolicyId live) {
        wordings.clear();
        loadedAt = Instant.now();
        lastReloadError = null;
        metrics.reloaded();
        metrics.live(live);
    }

    @Override
    public void failed(Exception problem) {
        lastReloadError = problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage().strip();
        metrics.reloadFailed();
        LOG.debug("reload failed", problem);
    }

    /** {@code {"name","version","hash","parents","floors","terms","loadedAt","lastReloadError"}} */
    String policyJson() {
        PolicyId policy = engine.policy();
        ObjectNode json = JSON.createObjectNode();
        json.put("name", policy.name()).put("version", policy.version()).put("hash", policy.hash());
        ArrayNode parents = json.putArray("parents");
        for (PolicyId parent : policy.parents()) parents.addObject().put("name", parent.name()).put("version", parent.version()).put("hash", parent.hash());
        ArrayNode floors = json.putArray("floors");
        List<PolicyId> floorIds = engine.floors();
        List<Map<String, Object>> floorTerms = engine.floorTerms();
        for (int i = 0; i < floorIds.size(); i++) {
            PolicyId floor = floorIds.get(i);
            floors.addObject().put("name", floor.name()).put("version", floor.version()).put("hash", floor.hash())
                    .set("terms", JSON.valueToTree(floorTerms.get(i)));
        }
        json.set("terms", JSON.valueToTree(engine.terms()));
        json.put("loadedAt", loadedAt.toString());
        json.put("lastReloadError", lastReloadError);
        return json.toString();
    }

    @Override
    public void close() throws Exception {
        watcher.close();
    }
}
