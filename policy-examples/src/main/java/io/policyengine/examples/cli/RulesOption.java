package io.policyengine.examples.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --rules DIR}: the store pack to decide with (the bundled store-standard pack when absent);
 * {@code --floor NAME_OR_DIR}: statutory floors stacked under it, bundled by name or from a folder.
 */
public final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", description = "Folder of .drl rule files (default: the bundled store-standard pack).")
    Path rulesDir;

    @Option(names = "--floor", paramLabel = "NAME_OR_DIR",
            description = "A statutory floor pack under the store's (repeatable): a bundled name such as cn-consumer-law, or a folder.")
    List<String> floors = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** 0: each pack's own limit (its maxFiringsPerClaim term, or the engine's default). */
    int maxFirings;

    @Option(names = "--max-firings", paramLabel = "N",
            description = "Rule firings allowed per claim, 1 or more (default: each pack's maxFiringsPerClaim term, else 10000).")
    void maxFirings(int n) {
        maxFirings = OptionValues.atLeast(spec, "--max-firings", n, 1);
    }

    /** The folder of the store pack, or null for the bundled store-standard pack. */
    public Path rulesDir() {
        return rulesDir;
    }

    /** The store pack alone, without the floors. */
    PolicyEngine storeEngine() throws RuleLoadException {
        PolicyEngine engine = rulesDir == null ? PolicyEngine.bundled("store-standard") : PolicyEngine.load(rulesDir);
        return maxFirings > 0 ? engine.withFiringLimit(maxFirings) : engine;
    }

    /** The store pack with the floors under it. */
    public PolicyEngine engine() throws RuleLoadException {
        PolicyEngine engine = storeEngine();
        for (String floor : floors) {
            Path folder = Path.of(floor);
            boolean isFolder = Files.isDirectory(folder) || floor.contains("/") || floor.contains(java.io.File.separator);
            engine = engine.withFloor(isFolder ? PolicyEngine.load(folder) : PolicyEngine.bundled(floor));
        }
        return engine;
    }
}
