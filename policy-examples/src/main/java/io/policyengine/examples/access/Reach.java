package io.policyengine.examples.access;

/** Who may use an endpoint of the service (contract 15): anyone, or a caller of at least some role. */
public enum Reach {
    /** {@code /healthz} and {@code /readyz}: what an orchestrator asks, without a token and under any host name. */
    OPEN(null),
    /**
     * A page's shell or the service's description, which hold no data: without a token (a browser does not send one
     * when it opens a page; the page asks for it and sends it with what it fetches), but only under the service's names.
     */
    PAGE(null),
    /** Every signed-in caller: deciding and explaining (for their stores), the open duties, who they are. */
    COUNTER(Role.COUNTER),
    /** Managers and admins: the report of their stores. */
    MANAGER(Role.MANAGER),
    /** Admins only: the live policy and the metrics. */
    ADMIN(Role.ADMIN);

    private final Role least;

    Reach(Role least) {
        this.least = least;
    }

    /** The least role that may use it; null for {@link #OPEN}. */
    public Role least() {
        return least;
    }
}
