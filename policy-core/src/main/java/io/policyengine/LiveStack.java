package io.policyengine;

import io.policyengine.model.PolicyId;
import io.policyengine.rules.PackCache;
import io.policyengine.rules.PackVersions;
import io.policyengine.text.Language;
import io.policyengine.text.PackSentences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stack an engine decides by now, and the folder it reloads from: fresh rules are compiled and checked
 * off to the side and swapped in whole; rules that do not load or check never go live.
 */
final class LiveStack {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyEngine.class);

    /** Null for a bundled pack: nothing to reload. */
    private final Path folder;
    private final AtomicReference<PackStack> live;
    /** Hashes of pack versions a reload checked and found without errors. */
    private final Set<String> checkedHashes = ConcurrentHashMap.newKeySet();

    /** What the folder compiled to lately: a save back to one of them goes live without compiling. */
    private final PackCache compiled = new PackCache();

    /** Set once a reload has begun: the warm-up of {@link #watch} then leaves the cores to it. */
    private volatile boolean reloadBegun;

    LiveStack(Path folder, PackStack stack) {
        this.folder = folder;
        this.live = new AtomicReference<>(stack);
        if (folder != null) stack.store().versions().forEach(version -> compiled.add(version.pack()));
    }

    PackStack get() {
        return live.get();
    }

    Path folder() {
        return folder;
    }

    /** See {@link PolicyEngine#wording(Locale)}: the sentences of the stack live when a decision is put into words. */
    Wording wording(Locale locale) {
        Language language = Language.of(locale).orElseThrow(() -> new UnsupportedLanguageException(
                "unsupported \"" + locale.toLanguageTag() + "\"; supported: " + Language.tags()));
        String lacks = live.get().lacks(language);
        if (lacks != null) throw new UnsupportedLanguageException(lacks);
        return new Wording(language, policy -> live.get().sentences(policy, language), PackSentences.engine(language));
    }

    /** See {@link PolicyEngine#reload()}. */
    PolicyId reload() throws RuleLoadException {
        if (folder == null) throw new IllegalStateException("a bundled pack has no folder to reload");
        reloadBegun = true;
        PackStack old = live.get();
        try {
            PackVersions fresh = PackVersions.load(folder, compiled);
            // what validate rejects never goes live: a rule that fails, keeps firing or hangs on a generated claim
            List<RuleProblem> errors = PackValidation.errors(fresh, checkedHashes);
            if (!errors.isEmpty()) throw new RuleLoadException(errors);
            live.set(old.withStore(fresh));
            fresh.versions().forEach(version -> compiled.add(version.pack()));
            if (!old.store().latest().policy().equals(fresh.latest().policy())) {
                LOG.info("rules reloaded from {}: {} -> {}", folder, old.store().latest().policy(), fresh.latest().policy());
            }
            return fresh.latest().policy();
        } catch (RuleLoadException e) {
            LOG.warn("rules in {} not reloaded, still serving {}:\n{}", folder, old.store().latest().policy(), e.getMessage());
            throw e;
        }
    }

    /** See {@link PolicyEngine#watch(Duration, PolicyEngine.ReloadListener)}. */
    AutoCloseable watch(Duration settle, PolicyEngine.ReloadListener listener) {
        if (folder == null) throw new IllegalStateException("a bundled pack has no folder to watch");
        AutoCloseable watcher = RuleWatcher.start(folder, settle, () -> reloadQuietly(listener));
        Thread warm = new Thread(this::warmUp, "policy-reload-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
        return watcher;
    }

    /**
     * A reload's work done once off to the side, for a folder that holds a bundled pack's rules (loaded from the build's
     * model, so nothing was compiled yet): the pack compiled from its DRL, then probed as a reload probes it, until a
     * real reload begins. Nothing for other folders, whose load ran the compiler already.
     */
    private void warmUp() {
        try {
            PackVersions.warmCompiler(folder).ifPresent(pack -> PackValidation.warm(pack, () -> reloadBegun));
        } catch (RuntimeException e) {
            // the reload that follows a save meets the same problem and says what it is
            LOG.debug("warm-up stopped", e);
        }
    }

    private void reloadQuietly(PolicyEngine.ReloadListener listener) {
        PolicyId now;
        try {
            now = reload();
        } catch (RuleLoadException | RuntimeException e) {
            LOG.debug("reload failed", e);
            listener.failed(e);
            return;
        } catch (Error e) {
            // a sentence file nested too deep, the memory: the watcher must live on, and say why
            String why = PackValidation.unexpected(e);
            LOG.warn("rules in {} not reloaded: {}", folder, why);
            listener.failed(new RuleLoadException(List.of(RuleProblem.error(folder, 0, why))));
            return;
        }
        listener.reloaded(now);
    }
}
