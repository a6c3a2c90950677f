package io.policyengine.rules;

import io.policyengine.Batches;
import io.policyengine.RuleProblem;
import io.policyengine.model.Claim;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks a compiled pack against generated probe claims: what compiles but is wrong or looks wrong. A rule
 * that fails or keeps firing for a claim is an error; a rule that cites no article, a rule that fires for
 * no claim, and a calendar that runs out soon are warnings.
 */
final class PackProbe {
    private PackProbe() {
    }

    /** See {@link RulePack#check(List)}. */
    static List<RuleProblem> check(RulePack pack, PackRunner runner, RuleIndex index, List<Claim> probe) {
        Set<String> fired = ConcurrentHashMap.newKeySet();
        AgendaEventListener names = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };
        Set<String> written = new HashSet<>();
        for (RuleIndex.Entry rule : index.rules().values()) written.add(rule.name());
        // once every rule has fired, there is nothing more to learn from listening: a session without a listener is quicker
        PackRunner.Breakdown broken = firstBreakdown(pack, runner, probe, () -> fired.containsAll(written) ? null : names);
        List<RuleProblem> problems = new ArrayList<>();
        if (broken != null) problems.add(broken.problem(pack.folder(), "a generated claim"));
        problems.addAll(calendarWarnings(pack, LocalDate.now()));
        problems.addAll(PackTexts.warnings(pack.sentencesByLanguage(), index));
        for (RuleIndex.Entry rule : index.rules().values()) {
            if (rule.article() == null || rule.article().isBlank()) {
                problems.add(RuleProblem.warning(rule.file(), rule.line(),
                        "rule \"" + rule.name() + "\" cites no article; add @article(\"N\") under its name"));
            }
            // after a failure the other claims were not all run: "never fired" would be a guess
            if (broken == null && !fired.contains(rule.name())) {
                problems.add(RuleProblem.warning(rule.file(), rule.line(), "rule \"" + rule.name()
                        + "\" can never fire: it fired for none of " + probe.size()
                        + " generated claims (every day of its windows, each condition alone); check its terms and conditions"));
            }
        }
        return problems;
    }

    /** See {@link RulePack#failure(List)}. */
    static RuleProblem failure(RulePack pack, PackRunner runner, List<Claim> probe) {
        PackRunner.Breakdown broken = firstBreakdown(pack, runner, probe, () -> null);
        return broken == null ? null : broken.problem(pack.folder(), "a generated claim");
    }

    /**
     * What broke for the first probe claim, in order, that the rules fail, keep firing or hang for; null when none does.
     * The batches run on every core; once one breaks, the batches after it are not started (its breakdown is the answer
     * whatever they hold), and those before it are finished, so that the answer is the one a run in order would give.
     * {@code listener} gives, for each batch, what to tell of every firing: null for nothing.
     */
    private static PackRunner.Breakdown firstBreakdown(RulePack pack, PackRunner runner, List<Claim> probe,
                                                       Supplier<AgendaEventListener> listener) {
        int limit = pack.firingLimit();
        int millis = pack.timeLimitMillis();
        int batches = (probe.size() + Batches.SIZE - 1) / Batches.SIZE;
        AtomicInteger firstBroken = new AtomicInteger(Integer.MAX_VALUE);
        AtomicReference<PackRunner.Breakdown> first = new AtomicReference<>();
        Batches.Source<Integer> numbers = each -> {
            for (int number = 0; number < batches && number < firstBroken.get(); number++) each.accept(number);
        };
        Function<List<Integer>, Optional<PackRunner.Breakdown>> probeBatch = chosen -> {
            int number = chosen.get(0);
            if (number > firstBroken.get()) return Optional.empty();
            List<Claim> batch = probe.subList(number * Batches.SIZE, Math.min(probe.size(), (number + 1) * Batches.SIZE));
            PackRunner.Breakdown broken = breakdown(runner, batch, limit, millis, listener.get());
            if (broken != null) firstBroken.accumulateAndGet(number, Math::min);
            return Optional.ofNullable(broken);
        };
        if (Batches.onWorker()) {
            for (int number = 0; number < batches && first.get() == null; number++) {
                probeBatch.apply(List.of(number)).ifPresent(first::set);
            }
            return first.get();
        }
        // one batch number at a time: each worker takes the next batch of claims as it is free
        Batches.inOrder(1, numbers, probeBatch, broken -> {
            broken.ifPresent(found -> first.compareAndSet(null, found));
            return true;
        });
        return first.get();
    }

    /** The batch run together; when that breaks, its claims one by one, the first one's breakdown. Null when none breaks. */
    private static PackRunner.Breakdown breakdown(PackRunner runner, List<Claim> batch, int limit, int millis, AgendaEventListener listener) {
        if (runner.fireQuietly(batch, limit, millis, listener)) return null;
        for (Claim claim : batch) {
            PackRunner.Breakdown broken = runner.fireAlone(claim, limit, millis, listener).breakdown();
            // a rule that hangs hangs again; a claim that met a pause of the machine (a full GC, a busy core) does not
            if (broken != null && broken.timedOut()) broken = runner.fireAlone(claim, limit, millis, listener).breakdown();
            if (broken != null) return broken;
        }
        return null;
    }

    /**
     * Contract 12.5: a calendar that runs out within {@value CalendarFile#WARN_DAYS} days of {@code today}, and a
     * term counted in working days ({@code ...WorkingDays}) in a pack without a calendar, which counts Monday to Friday.
     */
    static List<RuleProblem> calendarWarnings(RulePack pack, LocalDate today) {
        List<RuleProblem> warnings = new ArrayList<>(1);
        if (pack.calendar() != null) {
            RuleProblem endsSoon = pack.calendarEndsSoon(today);
            if (endsSoon != null) warnings.add(endsSoon);
            return warnings;
        }
        for (String term : pack.terms().keySet()) {
            if (term.endsWith("WorkingDays")) {
                warnings.add(RuleProblem.warning(pack.folder(), 0, "term " + term + " counts working days, but the pack has no "
                        + CalendarFile.NAME + ": they count Monday to Friday, without holidays or make-up working days"));
            }
        }
        return warnings;
    }
}
