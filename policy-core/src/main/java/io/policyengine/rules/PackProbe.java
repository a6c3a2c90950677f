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
import java.util.Set;

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
        Set<String> fired = new HashSet<>();
        AgendaEventListener names = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };
        int limit = pack.firingLimit();
        int millis = pack.timeLimitMillis();
        PackRunner.Breakdown broken = null;
        for (int from = 0; from < probe.size() && broken == null; from += Batches.SIZE) {
            List<Claim> batch = probe.subList(from, Math.min(probe.size(), from + Batches.SIZE));
            if (runner.fireQuietly(batch, limit, millis, names)) continue;
            for (Claim claim : batch) {
                broken = runner.fireAlone(claim, limit, millis, names).breakdown();
                // a rule that hangs hangs again; a claim that met a pause of the machine (a full GC, a busy core) does not
                if (broken != null && broken.timedOut()) broken = runner.fireAlone(claim, limit, millis, names).breakdown();
                if (broken != null) break;
            }
        }
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
