package io.policyengine.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import io.policyengine.model.Action;
import io.policyengine.model.Compensation;
import io.policyengine.model.Decision;
import io.policyengine.model.Reason;

import java.time.temporal.Temporal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text that every decision repeats, escaped and encoded once instead of for every decision written: the
 * field names of the contract, the names of enum values, and what comes from the rules (rule names, articles,
 * citations, policy ids, param names). A generator copies such text as it is.
 */
final class Encoded {
    /** A pack has some hundred rules, articles and params; a decision posted to be written may name anything. */
    private static final int RECURRING_KEPT = 4096;
    private static final Map<String, SerializedString> RECURRING = new ConcurrentHashMap<>();
    private static final Map<Class<?>, SerializedString[]> ENUMS = new ConcurrentHashMap<>();

    static final SerializedString CLAIM_ID = name("claimId");
    static final SerializedString OUTCOME = name("outcome");
    static final SerializedString REMEDIES = name("remedies");
    static final SerializedString DAYS_SINCE_PURCHASE = name("daysSincePurchase");
    static final SerializedString REPAIR_DUE_DATE = name("repairDueDate");
    static final SerializedString SUMMARY = name("summary");
    static final SerializedString REASONS = name("reasons");
    static final SerializedString POLICY = name("policy");
    static final SerializedString COMMITMENTS = name("commitments");
    static final SerializedString COMPENSATION = name("compensation");
    static final SerializedString MONEY = name("money");
    static final SerializedString ACTIONS = name("actions");
    static final SerializedString RULE = name("rule");
    static final SerializedString ARTICLE = name("article");
    static final SerializedString CITATION = name("citation");
    static final SerializedString EFFECT = name("effect");
    static final SerializedString REMEDY = name("remedy");
    static final SerializedString MESSAGE = name("message");
    static final SerializedString PARAMS = name("params");
    static final SerializedString NAME = name("name");
    static final SerializedString VERSION = name("version");
    static final SerializedString HASH = name("hash");
    static final SerializedString FLOORS = name("floors");
    static final SerializedString AMOUNT = name("amount");
    static final SerializedString CURRENCY = name("currency");
    static final SerializedString REFUND = name("refund");
    static final SerializedString DEPRECIATION = name("depreciation");
    static final SerializedString REFUND_DUE_DATE = name("refundDueDate");
    static final SerializedString RETURN_SHIPPING = name("returnShipping");
    static final SerializedString ACTION = name("action");
    static final SerializedString DUE = name("due");
    static final SerializedString OVERDUE = name("overdue");
    static final SerializedString RESPOND_BY = name("respondBy");
    static final SerializedString DISPATCH_BY = name("dispatchBy");
    static final SerializedString ON_SITE_BY = name("onSiteBy");
    static final SerializedString RESOLVE_BY = name("resolveBy");
    static final SerializedString LOANER_DUE_AT = name("loanerDueAt");
    static final SerializedString LINE = name("line");
    static final SerializedString ERROR = name("error");

    private Encoded() {
    }

    private static SerializedString name(String name) {
        return new SerializedString(name);
    }

    /**
     * {@code text} encoded, from the strings the rules and packs repeat; for other text the cache is cleared when
     * full rather than grown, so that what recurs is soon found again.
     */
    static SerializableString recurring(String text) {
        SerializedString known = RECURRING.get(text);
        if (known != null) return known;
        known = new SerializedString(text);
        if (RECURRING.size() >= RECURRING_KEPT) RECURRING.clear();
        RECURRING.put(text, known);
        return known;
    }

    /** The value's name, encoded; null for null. */
    static SerializableString of(Enum<?> value) {
        if (value == null) return null;
        SerializedString[] names = ENUMS.get(value.getDeclaringClass());
        if (names == null) {
            Enum<?>[] values = value.getDeclaringClass().getEnumConstants();
            names = new SerializedString[values.length];
            for (int i = 0; i < values.length; i++) names[i] = new SerializedString(values[i].name());
            ENUMS.put(value.getDeclaringClass(), names);
        }
        return names[value.ordinal()];
    }

    /**
     * Whether a decision written as UTF-8 bytes may differ from the same decision written as characters and then
     * encoded: only text from the claim can hold a surrogate (a character beyond the 16-bit range, or half of
     * one, which an encoder writes as {@code ?}); the packs' text is read from UTF-8 files and holds none alone.
     */
    static boolean mayHoldSurrogates(Decision decision) {
        if (hasSurrogate(decision.claimId())) return true;
        for (Reason reason : decision.reasons()) if (hasSurrogateParam(reason)) return true;
        for (Compensation owed : decision.compensation()) if (hasSurrogateParam(owed.reason())) return true;
        for (Action action : decision.actions()) if (hasSurrogateParam(action.reason())) return true;
        return false;
    }

    private static boolean hasSurrogateParam(Reason reason) {
        if (reason == null) return false;
        for (Object value : reason.params().values()) {
            if (value instanceof String text ? hasSurrogate(text)
                    : !(value == null || value instanceof Number || value instanceof Boolean || value instanceof Temporal)
                    && hasSurrogate(value.toString())) return true;
        }
        return false;
    }

    static boolean hasSurrogate(String text) {
        if (text == null) return false;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) return true;
        }
        return false;
    }

    /**
     * {@code text} as a UTF-8 encoder writes it: each half of a surrogate pair that stands alone replaced by
     * {@code ?}, so that bytes written straight away match characters written to an encoding writer.
     */
    static String withLoneSurrogatesReplaced(String text) {
        if (!hasSurrogate(text)) return text;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '?' : c);
            }
        }
        return out.toString();
    }
}
