package io.policyengine.json;

import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.ClaimEvent;
import io.policyengine.model.Condition;
import io.policyengine.model.EventType;
import io.policyengine.model.OpenRepair;
import io.policyengine.model.Packaging;
import io.policyengine.model.PastRepair;
import io.policyengine.model.Region;
import io.policyengine.model.Request;
import io.policyengine.model.SaleType;
import io.policyengine.model.ServiceRequest;
import io.policyengine.model.Severity;
import io.policyengine.model.Urgency;
import io.policyengine.model.WaitingFor;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Supplier;

import static io.policyengine.json.Kind.BOOL;
import static io.policyengine.json.Kind.DATE;
import static io.policyengine.json.Kind.DATE_TIME;
import static io.policyengine.json.Kind.NON_BLANK_TEXT;
import static io.policyengine.json.Kind.NON_NEGATIVE_DECIMAL;
import static io.policyengine.json.Kind.TEXT;
import static io.policyengine.json.Kind.constant;
import static io.policyengine.json.Shape.object;
import static io.policyengine.json.Shape.objects;
import static io.policyengine.json.Shape.optional;
import static io.policyengine.json.Shape.orElse;
import static io.policyengine.json.Shape.required;
import static io.policyengine.json.Shape.requiredParts;

/**
 * Every field of the claim contract (section 1), declared once, in the contract's order: its name, what its value
 * must be, required or what it is when absent, and where the value goes. The fast reader ({@link ClaimTokens}) and
 * the strict one ({@link ClaimJson#parse}) both read by these shapes; a new claim field is one line here (and, when
 * it belongs to an object that is not the claim's own, a field of that object's draft).
 *
 * <p>Absent booleans get their default here; other absent fields stay null and the model gives them its own
 * defaults ({@code saleType} REGULAR, {@code channel} STORE, ...).
 */
final class ClaimFields {

    static final Shape<Claim.Builder> PRODUCT = new Shape<>(
            required("sku", NON_BLANK_TEXT, Claim.Builder::sku),
            optional("category", TEXT, Claim.Builder::category),
            optional("price", NON_NEGATIVE_DECIMAL, Claim.Builder::price),
            optional("saleType", constant(SaleType.class), Claim.Builder::saleType),
            orElse("customMade", BOOL, false, Claim.Builder::customMade));

    static final Shape<ConditionDraft> CONDITION = new Shape<>(
            optional("packaging", constant(Packaging.class), (c, value) -> c.packaging = value),
            orElse("accessoriesComplete", BOOL, true, (c, value) -> c.accessoriesComplete = value),
            orElse("warrantyCard", BOOL, true, (c, value) -> c.warrantyCard = value),
            orElse("usageTraces", BOOL, false, (c, value) -> c.usageTraces = value),
            orElse("customerDamage", BOOL, false, (c, value) -> c.customerDamage = value),
            orElse("forceMajeure", BOOL, false, (c, value) -> c.forceMajeure = value));

    static final Shape<RepairDraft> REPAIR = new Shape<>(
            required("completedOn", DATE, (r, value) -> r.completedOn = value),
            required("fault", NON_BLANK_TEXT, (r, value) -> r.fault = value),
            optional("receivedOn", DATE, (r, value) -> r.receivedOn = value));

    static final Shape<ServiceDraft> SERVICE = new Shape<>(
            required("reportedAt", DATE_TIME, (s, value) -> s.reportedAt = value),
            optional("urgency", constant(Urgency.class), (s, value) -> s.urgency = value),
            optional("region", constant(Region.class), (s, value) -> s.region = value),
            optional("severity", constant(Severity.class), (s, value) -> s.severity = value),
            optional("arrivedAt", DATE_TIME, (s, value) -> s.arrivedAt = value));

    static final Shape<OpenRepairDraft> OPEN_REPAIR = new Shape<>(
            required("receivedOn", DATE, (r, value) -> r.receivedOn = value),
            required("waitingFor", constant(WaitingFor.class), (r, value) -> r.waitingFor = value));

    static final Shape<EventDraft> EVENT = new Shape<>(
            required("type", constant(EventType.class), (e, value) -> e.type = value),
            required("at", DATE, (e, value) -> e.at = value));

    static final Shape<Claim.Builder> CLAIM = new Shape<>(
            required("id", NON_BLANK_TEXT, Claim.Builder::id),
            requiredParts("product", PRODUCT),
            required("purchaseDate", DATE, Claim.Builder::purchaseDate),
            required("claimDate", DATE, Claim.Builder::claimDate),
            required("qualityDefect", BOOL, Claim.Builder::qualityDefect),
            optional("request", constant(Request.class), Claim.Builder::request),
            object("condition", CONDITION, ConditionDraft::new, Claim.Builder::condition),
            optional("channel", constant(Channel.class), Claim.Builder::channel),
            optional("deliveryDate", DATE, Claim.Builder::deliveryDate),
            optional("fault", NON_BLANK_TEXT, Claim.Builder::fault),
            objects("repairHistory", REPAIR, RepairDraft::new, Claim.Builder::repair),
            object("service", SERVICE, ServiceDraft::new, Claim.Builder::service),
            object("openRepair", OPEN_REPAIR, OpenRepairDraft::new, Claim.Builder::openRepair),
            orElse("sameModelInStock", BOOL, true, Claim.Builder::sameModelInStock),
            objects("events", EVENT, EventDraft::new, Claim.Builder::event),
            optional("asOf", DATE, Claim.Builder::asOf),
            orElse("withdrawalInformed", BOOL, true, Claim.Builder::withdrawalInformed),
            optional("store", NON_BLANK_TEXT, Claim.Builder::store));

    private ClaimFields() {
    }

    // The objects that have no builder of their own are read into these drafts, then made in one go.

    static final class ConditionDraft implements Supplier<Condition> {
        Packaging packaging;
        boolean accessoriesComplete;
        boolean warrantyCard;
        boolean usageTraces;
        boolean customerDamage;
        boolean forceMajeure;

        @Override
        public Condition get() {
            return new Condition(packaging, accessoriesComplete, warrantyCard, usageTraces, customerDamage, forceMajeure);
        }
    }

    static final class RepairDraft implements Supplier<PastRepair> {
        LocalDate completedOn;
        String fault;
        LocalDate receivedOn;

        @Override
        public PastRepair get() {
            return new PastRepair(completedOn, fault, receivedOn);
        }
    }

    static final class ServiceDraft implements Supplier<ServiceRequest> {
        LocalDateTime reportedAt;
        Urgency urgency;
        Region region;
        Severity severity;
        LocalDateTime arrivedAt;

        @Override
        public ServiceRequest get() {
            return new ServiceRequest(reportedAt, urgency, region, severity, arrivedAt);
        }
    }

    static final class OpenRepairDraft implements Supplier<OpenRepair> {
        LocalDate receivedOn;
        WaitingFor waitingFor;

        @Override
        public OpenRepair get() {
            return new OpenRepair(receivedOn, waitingFor);
        }
    }

    static final class EventDraft implements Supplier<ClaimEvent> {
        EventType type;
        LocalDate at;

        @Override
        public ClaimEvent get() {
            return new ClaimEvent(type, at);
        }
    }
}
