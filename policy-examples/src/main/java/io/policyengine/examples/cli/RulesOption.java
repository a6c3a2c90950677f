package io.policyengine.examples.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import picocli.CommandLine.Option;

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

    /** The folder of the store pack, or null for the bundled store-standard pack. */
    public Path rulesDir() {
        return rulesDir;
    }

    /** The store pack alone, without the floors. */
    PolicyEngine storeEngine() throws RuleLoadException {
        return rulesDir == null ? PolicyEngine.bundled("store-standard") : PolicyEngine.load(rulesDir);
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
