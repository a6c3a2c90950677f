package io.policyengine.examples.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a request's {@code Host} header may give (contract 15, {@code --allowed-hosts}): so that a page
 * of another site, whose name an attacker points at this machine (DNS rebinding), cannot reach the service
 * through a browser. By default the loopback names and the address the service binds; {@code *} allows any
 * (behind an ingress that checks the name itself).
 */
public final class AllowedHosts {
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> names;
    private final boolean any;

    private AllowedHosts(Set<String> names, boolean any) {
        this.names = names;
        this.any = any;
    }

    /**
     * {@code given} (from {@code --allowed-hosts}; empty: the loopback names) and the host the service binds.
     *
     * @throws IllegalArgumentException naming {@code --allowed-hosts} for a name with a port or a path
     */
    public static AllowedHosts of(List<String> given, String bindHost) {
        Set<String> names = new LinkedHashSet<>();
        boolean any = false;
        if (given.isEmpty()) names.addAll(LOOPBACK);
        for (String name : given) {
            String host = name.strip();
            if (host.equals("*")) {
                any = true;
            } else if (host.isEmpty() || host.contains("/") || host.contains(" ") || portOf(host) != null) {
                throw new IllegalArgumentException("--allowed-hosts: \"" + name + "\" is not a host name (without a port)");
            } else {
                names.add(normal(host));
            }
        }
        if (bindHost != null && !bindHost.isBlank()) names.add(normal(bindHost.contains(":") && !bindHost.startsWith("[")
                ? "[" + bindHost + "]" : bindHost));
        return new AllowedHosts(Set.copyOf(names), any);
    }

    /** Whether a request with this {@code Host} header (a name and maybe a port) is for this service. */
    public boolean allows(String hostHeader) {
        if (any) return true;
        if (hostHeader == null) return false;
        String host = hostHeader.strip();
        String port = portOf(host);
        if (port != null) host = host.substring(0, host.length() - port.length() - 1);
        return names.contains(normal(host));
    }

    /** The names allowed, for the usage message and the docs. */
    public String describe() {
        return any ? "*" : String.join(", ", names.stream().sorted().toList());
    }

    /** The port of {@code name:8080} or {@code [::1]:8080}; null when there is none. */
    private static String portOf(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0) return null;
        if (host.startsWith("[") ? host.lastIndexOf(']') > colon : host.indexOf(':') != colon) return null;
        return host.substring(colon + 1);
    }

    /** Lower case, without a trailing dot ({@code Example.COM.} is {@code example.com}). */
    private static String normal(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
