package io.policyengine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import io.policyengine.model.Action;
import io.policyengine.model.Compensation;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    /** Immutable, so that a slot written by one thread is read whole by another. */
    private record Seen(String text, SerializedString encoded) {
    }

    private static final Seen[] LAST_SEEN = new Seen[1024];

    private record HeadKey(String rule, String article, String citation, Effect effect, Remedy remedy) {
    }

    private record Head(HeadKey key, SerializedString json) {
    }

    private static final Map<HeadKey, SerializedString> HEADS = new ConcurrentHashMap<>();
    private static final Head[] HEADS_SEEN = new Head[1024];

    private record PolicySeen(PolicyId policy, List<PolicyId> floors, SerializedString json) {
    }

    private record DateSeen(LocalDate date, SerializedString json) {
    }

    /** The dates last written, a slot for each day of eight years: a batch's decisions name the days around their claims again and again. */
    private static final DateSeen[] DATES_SEEN = new DateSeen[4096];

    private static final Map<List<Object>, SerializedString> POLICIES = new ConcurrentHashMap<>();
    /** A service decides under one stack of packs, or a few while a reload is under way: the last one written. */
    private static volatile PolicySeen POLICY_SEEN;
    private static final ClassValue<SerializedString[]> ENUM_NAMES = new ClassValue<>() {
        @Override
        protected SerializedString[] computeValue(Class<?> type) {
            Object[] values = type.getEnumConstants();
            SerializedString[] names = new SerializedString[values.length];
            for (int i = 0; i < values.length; i++) names[i] = new SerializedString(((Enum<?>) values[i]).name());
            return names;
        }
    };

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
    static final SerializedString ARTICLE = name("article");
    static final SerializedString CITATION = name("citation");
    static final SerializedString MESSAGE = name("message");
    static final SerializedString PARAMS = name("params");
    static final SerializedString AMOUNT = name("amount");
    static final SerializedString CURRENCY = name("currency");
    static final SerializedString REFUND = name("refund");
    static final SerializedString DEPRECIATION = name("depreciation");
    static final SerializedString REFUND_DUE_DATE = name("refundDueDate");
    static final SerializedString RETURN_SHIPPING = name("returnShipping");
    static final SerializedString ACTION = name("action");
    static final SerializedString DUE = name("due");
    static final SerializedString OVERDUE = name("overdue");
    static final SerializedString ESTIMATED = name("estimated");
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
        // the same String objects come back decision after decision (a rule's name, a cached citation): found by identity first
        int slot = System.identityHashCode(text) & (LAST_SEEN.length - 1);
        Seen seen = LAST_SEEN[slot];
        if (seen != null && seen.text() == text) return seen.encoded();
        SerializedString known = RECURRING.get(text);
        if (known == null) {
            known = new SerializedString(text);
            if (RECURRING.size() >= RECURRING_KEPT) RECURRING.clear();
            RECURRING.put(text, known);
        }
        LAST_SEEN[slot] = new Seen(text, known);
        return known;
    }

    /** {@code date} as {@link LocalDate#toString} writes it, encoded: made once for each day, not for each time it is written. */
    static SerializableString date(LocalDate date) {
        // the day's place within eight years: no two days of those years share a slot (month * 32 + day < 512)
        int slot = (date.getYear() * 512 + date.getMonthValue() * 32 + date.getDayOfMonth()) & (DATES_SEEN.length - 1);
        DateSeen seen = DATES_SEEN[slot];
        if (seen != null && seen.date().equals(date)) return seen.json();
        SerializedString json = new SerializedString(date.toString());
        DATES_SEEN[slot] = new DateSeen(date, json);
        return json;
    }

    /**
     * A reason's fields before its message ({@code "rule":...,"remedy":...,}), as JSON text ending in a comma: the
     * same for every reason a rule gives for a remedy, so written as one piece instead of ten.
     */
    static SerializableString reasonHead(Reason reason, String citation) {
        String rule = reason.rule();
        String article = reason.article();
        int hash = System.identityHashCode(rule) * 31 + System.identityHashCode(citation);
        hash = hash * 31 + Objects.hashCode(reason.effect()) + 17 * Objects.hashCode(reason.remedy());
        int slot = (hash ^ (hash >>> 16)) & (HEADS_SEEN.length - 1);
        Head seen = HEADS_SEEN[slot];
        if (seen != null && seen.key().rule() == rule && seen.key().article() == article && seen.key().citation() == citation
                && seen.key().effect() == reason.effect() && seen.key().remedy() == reason.remedy()) return seen.json();
        HeadKey key = new HeadKey(rule, article, citation, reason.effect(), reason.remedy());
        SerializedString json = HEADS.get(key);
        if (json == null) {
            json = new SerializedString(fields(out -> {
                out.writeStringField("rule", rule);
                out.writeStringField("article", article);
                out.writeStringField("citation", citation);
                out.writeStringField("effect", key.effect() == null ? null : key.effect().name());
                out.writeStringField("remedy", key.remedy() == null ? null : key.remedy().name());
            }));
            if (HEADS.size() >= RECURRING_KEPT) HEADS.clear();
            HEADS.put(key, json);
        }
        HEADS_SEEN[slot] = new Head(key, json);
        return json;
    }

    /** A decision's {@code policy} object with its floors, as JSON text: the same for every decision of a pack stack. */
    static SerializableString policy(PolicyId policy, List<PolicyId> floors) {
        PolicySeen seen = POLICY_SEEN;
        if (seen != null && seen.policy() == policy && sameElements(seen.floors(), floors)) return seen.json();
        List<Object> key = List.of(policy, floors);
        SerializedString json = POLICIES.get(key);
        if (json == null) {
            json = new SerializedString(object(out -> {
                writePolicyFields(out, policy);
                out.writeArrayFieldStart("floors");
                for (PolicyId floor : floors) {
                    out.writeStartObject();
                    writePolicyFields(out, floor);
                    out.writeEndObject();
                }
                out.writeEndArray();
            }));
            if (POLICIES.size() >= RECURRING_KEPT) POLICIES.clear();
            POLICIES.put(key, json);
        }
        POLICY_SEEN = new PolicySeen(policy, floors, json);
        return json;
    }

    /** {@code name}, {@code version}, {@code hash} and the packs it extends, nearest first ({@code []} when none; contract 14.1). */
    private static void writePolicyFields(JsonGenerator out, PolicyId policy) throws IOException {
        out.writeStringField("name", policy.name());
        out.writeStringField("version", policy.version());
        out.writeStringField("hash", policy.hash());
        out.writeArrayFieldStart("parents");
        for (PolicyId parent : policy.parents()) {
            out.writeStartObject();
            out.writeStringField("name", parent.name());
            out.writeStringField("version", parent.version());
            out.writeStringField("hash", parent.hash());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static boolean sameElements(List<PolicyId> a, List<PolicyId> b) {
        if (a == b) return true;
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    /** An object's fields as the generator writes them, each followed by a comma. */
    private static String fields(DecisionJson.Content fields) {
        String object = object(fields);
        return object.substring(1, object.length() - 1) + ",";
    }

    /** An object with these fields, as the generator writes it. */
    private static String object(DecisionJson.Content fields) {
        return DecisionJson.write(out -> {
            out.writeStartObject();
            fields.writeTo(out);
            out.writeEndObject();
        });
    }

    /** The value's name, encoded; null for null. */
    static SerializableString of(Enum<?> value) {
        return value == null ? null : ENUM_NAMES.get(value.getDeclaringClass())[value.ordinal()];
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
