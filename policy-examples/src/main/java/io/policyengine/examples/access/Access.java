package io.policyengine.examples.access;

/**
 * Who may use the service (contract 15), apart from any HTTP server: given what a request needs
 * ({@link Reach}), its {@code Host} header and its {@code Authorization} header, the caller it is made by,
 * or why it is refused. Thread-safe; the callers file and the identity provider's keys may change under it.
 */
public final class Access {
    /** Why a request was refused: the status, a reason for the metrics, and the message the caller reads. */
    public record Denied(int status, String reason, String message) {
        /** Whether the answer asks for a bearer token ({@code WWW-Authenticate: Bearer}): a 401. */
        public boolean challenge() {
            return status == 401;
        }
    }

    /** What a request comes to: its caller, or why it is refused (exactly one of the two is set). */
    public record Verdict(Caller caller, Denied denied) {
        static Verdict allowed(Caller caller) {
            return new Verdict(caller, null);
        }

        static Verdict denied(int status, String reason, String message) {
            return new Verdict(null, new Denied(status, reason, message));
        }
    }

    private static final String BEARER = "bearer ";

    private final LiveCallers callers;
    private final JwtCallers jwt;
    private final AllowedHosts hosts;

    private Access(LiveCallers callers, JwtCallers jwt, AllowedHosts hosts) {
        this.callers = callers;
        this.jwt = jwt;
        this.hosts = hosts;
    }

    /** No access control: every request is {@link Caller#ANYONE}'s, as long as its {@code Host} names the service. */
    public static Access open(AllowedHosts hosts) {
        return new Access(null, null, hosts);
    }

    /** Callers from a callers file, a JWK set, or both (either may be null, not both). */
    public static Access of(LiveCallers callers, JwtCallers jwt, AllowedHosts hosts) {
        if (callers == null && jwt == null) throw new IllegalArgumentException("a callers file or a JWK set, or Access.open");
        return new Access(callers, jwt, hosts);
    }

    /** Whether a request needs a token. */
    public boolean required() {
        return callers != null || jwt != null;
    }

    /** The callers file, or null. */
    public LiveCallers callers() {
        return callers;
    }

    /** The single sign-on keys, or null. */
    public JwtCallers jwt() {
        return jwt;
    }

    /**
     * The caller of a request that needs {@code reach}, with these headers (null when absent); or why it is
     * refused: 421 for a {@code Host} that does not name the service, 401 for no token or one that lets
     * nobody in, 403 for a caller whose role does not reach that far. An open endpoint is answered for anyone.
     */
    public Verdict check(Reach reach, String host, String authorization) {
        if (reach == Reach.OPEN) return Verdict.allowed(Caller.ANYONE);
        if (!hosts.allows(host)) {
            return Verdict.denied(421, "host", "Host: " + (host == null ? "missing" : "\"" + printable(host) + "\" is not a name of this service")
                    + "; the service answers for the names of --allowed-hosts");
        }
        if (!required() || reach == Reach.PAGE) return Verdict.allowed(Caller.ANYONE);
        if (authorization == null || authorization.isBlank()) {
            return Verdict.denied(401, "no-token", "Authorization: missing; send Authorization: Bearer TOKEN");
        }
        if (authorization.length() <= BEARER.length() || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Verdict.denied(401, "no-token", "Authorization: expected Bearer TOKEN");
        }
        String token = authorization.substring(BEARER.length()).strip();
        Caller caller;
        if (jwt != null && looksLikeJwt(token)) {
            try {
                caller = jwt.caller(token);
            } catch (JwtCallers.Refused e) {
                if (e.keysUnavailable()) return Verdict.denied(503, "keys-unavailable", e.getMessage());
                return Verdict.denied(401, e.expired() ? "expired-token" : "invalid-token", e.getMessage());
            }
        } else {
            caller = callers == null ? null : callers.callers().byToken(token);
            if (caller == null) return Verdict.denied(401, "unknown-token", "token: not a token of a caller of this service");
        }
        if (!caller.reaches(reach)) {
            return Verdict.denied(403, "role", caller.name() + " has the role " + caller.role().wireName() + "; this needs "
                    + reach.least().wireName() + (reach.least() == Role.ADMIN ? "" : " or above"));
        }
        return Verdict.allowed(caller);
    }

    /** A signed JWT is three base64url parts: {@code header.payload.signature}; the service's own tokens have no dots. */
    private static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        return first > 0 && token.indexOf('.', first + 1) > first;
    }

    /** A header value fit for a one-line message: no control characters, not too long. */
    static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "..." : clean;
    }
}
