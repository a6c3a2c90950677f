package io.policyengine.examples.command;

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
    public Path rulesDir;

    @Option(names = "--floor", paramLabel = "NAME_OR_DIR",
            description = "A statutory floor pack under the store's (repeatable): a bundled name such as cn-consumer-law, or a folder.")
    public List<String> floors = new ArrayList<>();

    /** How a pack is compiled: from a folder, or bundled by name. */
    public interface Packs {
        PolicyEngine load(Path folder) throws RuleLoadException;

        PolicyEngine bundled(String name) throws RuleLoadException;
    }

    /** Compiles every pack afresh. */
    public static final Packs COMPILE = new Packs() {
        @Override
        public PolicyEngine load(Path folder) throws RuleLoadException {
            return PolicyEngine.load(folder);
        }

        @Override
        public PolicyEngine bundled(String name) throws RuleLoadException {
            return PolicyEngine.bundled(name);
        }
    };

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
    public PolicyEngine storeEngine() throws RuleLoadException {
        return storeEngine(COMPILE);
    }

    /** The store pack with the floors under it. */
    public PolicyEngine engine() throws RuleLoadException {
        return engine(COMPILE);
    }

    /** The store pack with the floors under it, each pack compiled by {@code packs}. */
    public PolicyEngine engine(Packs packs) throws RuleLoadException {
        PolicyEngine engine = storeEngine(packs);
        List<String> stacked = new ArrayList<>(List.of(engine.policy().name()));
        for (String floor : floors) {
            PolicyEngine under = floor(floor, packs);
            String name = under.policy().name();
            if (stacked.contains(name)) {
                // a pack under itself would give every reason twice
                throw new OptionValues.OutOfRange(spec.commandLine(), "--floor " + floor + ": the pack " + name + " is "
                        + (stacked.get(0).equals(name) ? "the store pack itself; a pack cannot be its own floor" : "stacked twice"));
            }
            stacked.add(name);
            engine = engine.withFloor(under);
        }
        return engine;
    }

    private PolicyEngine storeEngine(Packs packs) throws RuleLoadException {
        PolicyEngine engine = rulesDir == null ? packs.bundled("store-standard") : packs.load(rulesDir);
        return maxFirings > 0 ? engine.withFiringLimit(maxFirings) : engine;
    }

    /** A floor named on the command line: a bundled pack's name, or a folder. */
    public static PolicyEngine floor(String nameOrDir) throws RuleLoadException {
        return floor(nameOrDir, COMPILE);
    }

    private static PolicyEngine floor(String nameOrDir, Packs packs) throws RuleLoadException {
        Path folder = Path.of(nameOrDir);
        boolean isFolder = Files.isDirectory(folder) || nameOrDir.contains("/") || nameOrDir.contains(java.io.File.separator);
        return isFolder ? packs.load(folder) : packs.bundled(nameOrDir);
    }

    /** The folders these rules are read from (the store's and each floor's), for watching; none for bundled packs. */
    public List<Path> folders() {
        List<Path> folders = new ArrayList<>();
        if (rulesDir != null) folders.add(rulesDir);
        for (String floor : floors) {
            if (Files.isDirectory(Path.of(floor))) folders.add(Path.of(floor));
        }
        return folders;
    }
}
