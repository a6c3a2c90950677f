package io.policyengine.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --rules DIR}: the pack to decide with; the bundled store-standard pack when absent. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", description = "Folder of .drl rule files (default: the bundled store-standard pack).")
    Path rulesDir;

    PolicyEngine engine() throws RuleLoadException {
        return rulesDir == null ? PolicyEngine.bundled("store-standard") : PolicyEngine.load(rulesDir);
    }
}
