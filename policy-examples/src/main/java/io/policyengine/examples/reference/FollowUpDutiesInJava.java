package io.policyengine.examples.reference;

import io.policyengine.model.Action;
import io.policyengine.model.Claim;
import io.policyengine.model.ClaimEvent;
import io.policyengine.model.Effect;
import io.policyengine.model.EventType;
import io.policyengine.model.Outcome;
import io.policyengine.model.Reason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.policyengine.model.EventType.*;

/**
 * Contract 12.2 in plain Java, written from the contract's table and nothing else, for the differential test:
 * the store-standard's open duties of a claim, as the engine's {@code actions} give them.
 */
public final class FollowUpDutiesInJava {
    static final int DELAY_NOTICE_DAYS = 1;
    static final int PICKUP_CALL_INTERVAL_DAYS = 3;
    static final int PICKUP_CALLS_BEFORE_MAIL = 3;
    static final int MAIL_AFTER_LAST_CALL_DAYS = 3;
    static final int SATISFACTION_CHECK_DAYS = 7;
    static final int CALL_BACK_DAYS = 7;

    private FollowUpDutiesInJava() {
    }

    /** The open duties, sorted by due date, then article (numbers in numeric order), each with the engine's reason. */
    public static List<Action> actions(Claim c, Outcome outcome, LocalDate repairDue, String pack) {
        List<Action> open = new ArrayList<>();
        LocalDate asOf = c.judgedOn();
        if (outcome.isRepair()) {
            if (first(c, c.claimDate(), REPAIRED, UNREPAIRABLE) == null) {
                open.add(action(c, pack, "REPAIR", "16", "the repair is done by its due date", repairDue, null, asOf, "due", repairDue));
            }
            LocalDate warnBy = repairDue.minusDays(DELAY_NOTICE_DAYS);
            if (!asOf.isBefore(warnBy) && first(c, c.claimDate(), DELAY_NOTIFIED, REPAIRED, UNREPAIRABLE) == null) {
                open.add(action(c, pack, "NOTIFY_DELAY", "26", "a repair that may be late is announced before it is due", warnBy, null, asOf,
                        "repairDue", repairDue, "days", DELAY_NOTICE_DAYS));
            }
        }
        ClaimEvent repaired = first(c, c.claimDate(), REPAIRED);
        if (repaired != null && first(c, repaired.at(), PICKED_UP, MAILED) == null) {
            List<ClaimEvent> calls = all(c, repaired.at(), PICKUP_NOTIFIED);
            if (calls.isEmpty()) {
                open.add(action(c, pack, "NOTIFY_PICKUP", "27", "the customer is called when the repaired goods are back", repaired.at(),
                        repaired, asOf, "calls", 0, "repairedOn", repaired.at()));
            } else if (calls.size() < PICKUP_CALLS_BEFORE_MAIL) {
                ClaimEvent last = calls.get(calls.size() - 1);
                open.add(action(c, pack, "NOTIFY_PICKUP", "27", "the customer is called again until the goods are picked up",
                        last.at().plusDays(PICKUP_CALL_INTERVAL_DAYS), last, asOf,
                        "calls", calls.size(), "lastCall", last.at(), "intervalDays", PICKUP_CALL_INTERVAL_DAYS));
            } else {
                ClaimEvent third = calls.get(PICKUP_CALLS_BEFORE_MAIL - 1);
                open.add(action(c, pack, "MAIL_GOODS", "28", "goods not picked up after the calls are mailed",
                        third.at().plusDays(MAIL_AFTER_LAST_CALL_DAYS), third, asOf,
                        "calls", PICKUP_CALLS_BEFORE_MAIL, "lastCall", third.at(), "days", MAIL_AFTER_LAST_CALL_DAYS));
            }
        }
        ClaimEvent unrepairable = first(c, c.claimDate(), UNREPAIRABLE);
        if (unrepairable != null && first(c, unrepairable.at(), ESCALATED) == null) {
            open.add(action(c, pack, "ESCALATE", "29", "goods that cannot be repaired are escalated", unrepairable.at(), unrepairable, asOf,
                    "unrepairableOn", unrepairable.at()));
        }
        ClaimEvent handedBack = first(c, c.claimDate(), PICKED_UP, MAILED);
        if (handedBack != null && first(c, handedBack.at(), SATISFACTION_CHECKED) == null) {
            open.add(action(c, pack, "CHECK_SATISFACTION", "32", "satisfaction is checked after the goods are handed back",
                    handedBack.at().plusDays(SATISFACTION_CHECK_DAYS), handedBack, asOf,
                    "handedBackOn", handedBack.at(), "days", SATISFACTION_CHECK_DAYS));
        }
        ClaimEvent outOfStock = first(c, c.claimDate(), OUT_OF_STOCK);
        if (outOfStock != null && first(c, outOfStock.at(), STOCK_ORDERED, STOCK_ARRIVED) == null) {
            open.add(action(c, pack, "ORDER_STOCK", "33", "goods out of stock are ordered at once", outOfStock.at(), outOfStock, asOf,
                    "outOfStockOn", outOfStock.at()));
        }
        ClaimEvent found = first(c, c.claimDate(), STOCK_FOUND);
        if (found != null && first(c, found.at(), CUSTOMER_CONTACTED, STOCK_ARRIVED) == null) {
            open.add(action(c, pack, "CONFIRM_TRANSFER", "34", "a transfer of goods found elsewhere is confirmed with the customer",
                    found.at(), found, asOf, "foundOn", found.at()));
        }
        if (outOfStock != null && first(c, outOfStock.at(), STOCK_ARRIVED) == null) {
            List<ClaimEvent> contacts = all(c, outOfStock.at(), CUSTOMER_CONTACTED);
            List<ClaimEvent> registrations = all(c, outOfStock.at(), OUT_OF_STOCK);
            ClaimEvent since = registrations.get(registrations.size() - 1);
            if (!contacts.isEmpty() && !contacts.get(contacts.size() - 1).at().isBefore(since.at())) since = contacts.get(contacts.size() - 1);
            open.add(action(c, pack, "CALL_BACK", "35", "the customer is called back while the goods are out of stock",
                    since.at().plusDays(CALL_BACK_DAYS), since, asOf, "since", since.at(), "days", CALL_BACK_DAYS));
        }
        ClaimEvent arrived = first(c, c.claimDate(), STOCK_ARRIVED);
        if (arrived != null && first(c, arrived.at(), PICKED_UP, CUSTOMER_CONTACTED) == null) {
            open.add(action(c, pack, "NOTIFY_ARRIVAL", "36", "the customer is told when the goods arrive", arrived.at(), arrived, asOf,
                    "arrivedOn", arrived.at()));
        }
        open.sort(Comparator.comparing(Action::due).thenComparingInt(a -> Integer.parseInt(a.article())));
        return open;
    }

    private static Action action(Claim c, String pack, String action, String article, String rule, LocalDate due, ClaimEvent openedBy,
                                 LocalDate asOf, Object... params) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) values.put((String) params[i], params[i + 1]);
        if (openedBy != null) {
            values.put("openedBy", openedBy.type().name());
            values.put("openedOn", openedBy.at());
        }
        return new Action(action, article, due, asOf.isAfter(due), new Reason(rule, article, Effect.DUTY, null, pack, values));
    }

    /** The earliest event of the types on or after {@code from}; null when none. */
    private static ClaimEvent first(Claim c, LocalDate from, EventType... types) {
        ClaimEvent first = null;
        for (EventType type : types) {
            for (ClaimEvent e : c.events()) {
                if (e.type() == type && !e.at().isBefore(from) && (first == null || e.at().isBefore(first.at()))) first = e;
            }
        }
        return first;
    }

    /** The events of {@code type} on or after {@code from}, by date. */
    /** The events of {@code type} from {@code from} on, in date order, one a day: calls on the same day are one notice (contract 17). */
    private static List<ClaimEvent> all(Claim c, LocalDate from, EventType type) {
        List<ClaimEvent> matching = new ArrayList<>();
        for (ClaimEvent e : c.events()) {
            if (e.type() == type && !e.at().isBefore(from)) matching.add(e);
        }
        matching.sort(Comparator.comparing(ClaimEvent::at));
        List<ClaimEvent> found = new ArrayList<>();
        for (ClaimEvent e : matching) {
            if (found.isEmpty() || !found.get(found.size() - 1).at().equals(e.at())) found.add(e);
        }
        return found;
    }
}
