package io.policyengine;

import io.policyengine.check.ClaimSpace;
import io.policyengine.model.Claim;
import io.policyengine.rules.PackVersions;
import io.policyengine.rules.RulePack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Checks compiled packs against claims generated around their terms and codes: what {@code validate}
 * reports, and what keeps a reload from going live.
 */
final class PackValidation {

    private PackValidation() {
    }

    /** Every error and warning of the rules in {@code rulesDir}, with where each version's rules and terms come from; never throws for bad rules. */
    static Validation validate(Path rulesDir) {
        try {
            List<RuleProblem> problems = new ArrayList<>();
            List<Validation.Sources> packs = new ArrayList<>();
            for (PackVersions.Version version : PackVersions.load(rulesDir).versions()) {
                RulePack pack = version.pack();
                problems.addAll(check(pack));
                packs.add(new Validation.Sources(pack.policy(), pack.rules(), pack.termSources()));
            }
            return new Validation(problems, packs);
        } catch (RuleLoadException e) {
            return new Validation(e.problems(), List.of());
        } catch (RuntimeException | Error e) {
            return new Validation(List.of(RuleProblem.error(rulesDir, 0, unexpected(e))), List.of());
        }
    }

    /**
     * The errors of every version of {@code fresh} not yet in {@code checkedHashes}: a rule that fails, keeps
     * firing or hangs on a generated claim. A version found without errors is added to {@code checkedHashes}.
     */
    static List<RuleProblem> errors(PackVersions fresh, Set<String> checkedHashes) {
        List<RuleProblem> errors = new ArrayList<>();
        for (PackVersions.Version version : fresh.versions()) {
            String hash = version.pack().policy().hash();
            if (checkedHashes.contains(hash)) continue; // the same files, already checked: the same answer
            RulePack pack = version.pack();
            // only an error keeps a reload from going live: no listener counts the rules that fire, no warning is looked for
            RuleProblem failure = pack.failure(ClaimSpace.around(pack.terms(), pack.codes()));
            if (failure == null) checkedHashes.add(hash);
            else errors.add(failure);
        }
        return errors;
    }

    /**
     * The probe of {@link #errors} run over {@code pack} with its answer dropped, a few batches of claims at a time until
     * {@code stop} says so: the code a reload's probe runs (the compiled rules' first decisions above all) is then
     * warm before the first save, which otherwise pays it cold.
     */
    static void warm(RulePack pack, BooleanSupplier stop) {
        List<Claim> probe = ClaimSpace.around(pack.terms(), pack.codes());
        // a batch for each core: every core busy, and soon over when a reload wants the cores
        int slice = Runtime.getRuntime().availableProcessors() * Batches.SIZE;
        for (int from = 0; from < probe.size() && !stop.getAsBoolean(); from += slice) {
            pack.failure(probe.subList(from, Math.min(probe.size(), from + slice)));
        }
    }

    private static List<RuleProblem> check(RulePack pack) {
        return pack.check(ClaimSpace.around(pack.terms(), pack.codes()));
    }

    /** A failure that is no rule problem (a file too deep to read, the memory), on one line for an author. */
    static String unexpected(Throwable e) {
        String what = e instanceof StackOverflowError ? "nested too deeply to be read"
                : e instanceof OutOfMemoryError ? "too large to be read in the memory the JVM has"
                : "could not be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " "));
        return "the rules " + what;
    }
}
