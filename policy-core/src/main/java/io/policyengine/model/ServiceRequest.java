package io.policyengine.model;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A claim's service request: when the fault was reported, how urgent and big it is, where, and when
 * the engineer arrived (null until then).
 */
public record ServiceRequest(LocalDateTime reportedAt, Urgency urgency, Region region, Severity severity,
                             LocalDateTime arrivedAt) {

    public ServiceRequest {
        if (reportedAt == null) throw new BadInputException("service.reportedAt", "missing");
        if (urgency == null) urgency = Urgency.NORMAL;
        if (region == null) region = Region.CITY;
        if (severity == null) severity = Severity.MAJOR;
        if (arrivedAt != null && arrivedAt.isBefore(reportedAt)) {
            throw new BadInputException("service.arrivedAt", arrivedAt + " is before reportedAt " + reportedAt);
        }
    }

    /** Whether the engineer arrived after {@code promised}. */
    public boolean arrivedAfter(LocalDateTime promised) {
        return arrivedAt != null && arrivedAt.isAfter(promised);
    }

    /** Whole minutes from {@code promised} to the engineer's arrival. */
    public long minutesLateFor(LocalDateTime promised) {
        return arrivedAt == null ? 0 : ChronoUnit.MINUTES.between(promised, arrivedAt);
    }

    /** Whole minutes from the report to {@code deadline}: how long a promise gave. */
    public long minutesFromReportTo(LocalDateTime deadline) {
        return ChronoUnit.MINUTES.between(reportedAt, deadline);
    }
}
