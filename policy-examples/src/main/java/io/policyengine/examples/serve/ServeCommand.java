package io.policyengine.examples.serve;

import io.policyengine.examples.command.StoresOption;
import io.policyengine.examples.command.RulesOption;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.RuleProblem;
import io.policyengine.StoreEngine;
import io.policyengine.UnsupportedLanguageException;
import io.policyengine.model.PolicyId;
import io.policyengine.examples.words.Words;
import io.policyengine.text.Language;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import javax.net.ssl.SSLContext;
import io.policyengine.examples.access.Access;
import io.policyengine.examples.access.AllowedHosts;
import io.policyengine.examples.access.CallersFile;
import io.policyengine.examples.access.JwtCallers;
import io.policyengine.examples.access.LiveCallers;
import io.policyengine.examples.access.TlsFiles;
import io.policyengine.examples.command.OptionValues;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./policy serve}: the engine behind HTTP (contract section 9) until SIGTERM or Ctrl-C, which
 * stop it gracefully and exit 0.
 */
@Command(name = "serve", description = {
        "Serves decisions over HTTP: POST /v1/decisions, /v1/explanations; GET /v1/policy, /metrics, / (the counter page).",
        "Prints one line to stderr when ready, warning there of a pack whose working-day calendar ends within 60 days; "
                + "SIGTERM finishes the requests in flight and exits 0.",
        "Open to anyone only on this machine: on another address it needs --callers, --jwks, or --no-auth on purpose."})
public final class ServeCommand implements Callable<Integer> {
    private static final Duration GRACE = Duration.ofSeconds(10);
    /**
     * The ready line's words: English whatever --lang, since contract 9 fixes the line and scripts and supervisors
     * wait for "serving ... on URI".
     */
    private static final Words READY_WORDS = Words.of(ServeCommand.class, Language.EN);

    @Spec
    CommandSpec spec;
    @Mixin
    RulesOption rules;
    @Option(names = "--stores", paramLabel = "FILE",
            description = "A chain's stores file (store,region,pack,floors,lang): each claim is decided by its store's pack and floors, "
                    + "and answered in the request's language, else in --lang when given, else in its store's lang. "
                    + "The file and every folder pack it names are watched and reloaded. In place of --rules and --floor.")
    Path stores;
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "Language of answers when the request names none: en or zh-CN (default: ${DEFAULT-VALUE}; with --stores, each store's lang).")
    String language;
    @Option(names = "--decision-log", paramLabel = "FILE",
            description = "Append one JSON line per decided claim to FILE (decisionId, time, policy, claim, decision).")
    Path decisionLog;
    @Option(names = "--callers", paramLabel = "FILE",
            description = "Only the callers of FILE may call: one a line, name role stores sha256:HASH (see ./policy token); "
                    + "read again when it changes, and never used while it has a problem.")
    Path callersFile;
    @Option(names = "--jwks", paramLabel = "FILE_OR_URL",
            description = "Also let in callers with a JWT (RS256 or ES256) signed by a key of this JWK set: a file, or the identity provider's URL.")
    String jwks;
    @Option(names = "--jwt-audience", paramLabel = "NAME",
            description = "The aud a JWT must name to be accepted here; needed with --jwks.")
    String jwtAudience;
    @Option(names = "--no-auth",
            description = "Serve a non-loopback --host without --callers or --jwks, to anyone who can reach it, on purpose.")
    boolean noAuth;
    @Option(names = "--allowed-hosts", paramLabel = "NAMES", split = ",",
            description = "The host names requests may be addressed to (the Host header), separated by commas; * for any. "
                    + "Default: localhost, 127.0.0.1, [::1] and the --host.")
    List<String> allowedHosts = new ArrayList<>();
    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Serve HTTPS with this certificate chain (PEM); needs --tls-key.")
    Path tlsCert;
    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The certificate's private key (PEM, PKCS#8: BEGIN PRIVATE KEY); needs --tls-cert.")
    Path tlsKey;
    @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "30",
            description = "Before the port opens and the ready line, generated claims go through the decision path until the rate "
                    + "they are served at stops rising and the JIT has gone quiet, so that the first requests are fast; for SECONDS at most; 0: none "
                    + "(default: ${DEFAULT-VALUE}).")
    double warmUpSeconds;

    @Override
    public Integer call() throws RuleLoadException, IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port: " + port + " is not a port (0 to 65535)");
        }
        if (!language.equals("en") && !language.equals("zh-CN")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--lang: unsupported \"" + language + "\"; supported: " + Languages.SUPPORTED);
        }
        Access access;
        try {
            access = access();
        } catch (CallersFile.Unusable e) {
            e.problems().forEach(err::println); // every problem, one line each
            return ExitCodes.BAD_INPUT;
        }
        SSLContext tls = tls();
        // with --stores and no --lang, a request that names no language is answered in its claim's store's
        Locale answers = stores != null && !spec.commandLine().getParseResult().hasMatchedOption("--lang") ? null : Languages.of(language);
        PolicyEngine engine = null;
        StoreEngine chain = null;
        try {
            if (stores != null) {
                chain = StoresOption.chain(stores, rules);
                if (answers != null) chain.wording(answers);
            } else {
                engine = rules.engine();
                engine.wording(answers);
            }
        } catch (UnsupportedLanguageException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lang: " + e.getMessage());
        }
        if (!(warmUpSeconds >= 0 && warmUpSeconds <= 600)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warm-up: " + warmUpSeconds + " is not 0 to 600 seconds");
        }
        Duration warmUp = Duration.ofMillis(Math.round(warmUpSeconds * 1000));
        if (chain != null) WarmUp.run(chain, answers, warmUp, decisionLog != null);
        else WarmUp.run(engine, answers, warmUp, decisionLog != null);
        DecisionLog log;
        try {
            log = decisionLog == null ? DecisionLog.NONE : DecisionLog.open(decisionLog);
        } catch (IOException e) {
            err.println("--decision-log: cannot open " + decisionLog + ": " + whyNotWritable(decisionLog));
            return ExitCodes.BAD_INPUT;
        }
        DecisionService service;
        try {
            InetSocketAddress address = new InetSocketAddress(host, port);
            service = chain != null ? new DecisionService(address, chain, true, log, answers, access, tls)
                    : new DecisionService(address, engine, rules.rulesDir() != null, log, answers, access, tls);
        } catch (IOException e) {
            log.close();
            if (access.callers() != null) access.callers().close();
            err.println("cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            service.stop(GRACE);
            stopped.countDown();
        };
        // SIGTERM and Ctrl-C are how a service is stopped, not a failure: once in-flight work is done and logged,
        // the JVM ends with 0 (as ExampleWatch does) rather than the 143 of a signal, without sun.misc.Signal.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            Runtime.getRuntime().halt(ExitCodes.OK);
        }, "policy-serve-shutdown"));
        // who may call, right after where (contract 15); the calendar's warnings after that
        String ready = chain != null
                ? readyLine(serving(chain), service.uri(), whoMay(access),
                        chain.stacks().stream().map(StoreEngine.Stack::engine).toList(), LocalDate.now())
                : readyLine(serving(engine.policy()), service.uri(), whoMay(access), List.of(engine), LocalDate.now());
        err.println(ready);
        err.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** The ready line of one stack: see {@link #readyLine(String, URI, List, LocalDate)}. */
    static String readyLine(PolicyEngine engine, URI uri, LocalDate today) {
        return readyLine(serving(engine.policy()), uri, "", List.of(engine), today);
    }

    /** The ready line in English, of a stack or chain already put in words ({@code serving}), for anyone who may call. */
    static String readyLine(String serving, URI uri, List<PolicyEngine> engines, LocalDate today) {
        return readyLine(serving, uri, "", engines, today);
    }

    /**
     * The one line that says the service is ready: what it serves and where; then, on the same line, each pack's
     * calendar that ends within 60 days of {@code today} (contract 17), as {@code validate} warns of it, so that whoever
     * starts the service sees it before its working-day due dates become estimates. A chain's stacks share packs:
     * each warning is said once.
     */
    static String readyLine(String serving, URI uri, String who, List<PolicyEngine> engines, LocalDate today) {
        StringBuilder line = new StringBuilder(READY_WORDS.render("ready.line", Map.of("what", serving, "uri", uri.toString(), "who", who)));
        Set<String> said = new LinkedHashSet<>();
        for (PolicyEngine engine : engines) {
            for (RuleProblem warning : engine.calendarWarnings(today)) {
                if (said.add(warning.toString())) line.append(READY_WORDS.render("ready.warning", Map.of("warning", warning.toString())));
            }
        }
        return line.toString();
    }

    private static String serving(PolicyId policy) {
        return READY_WORDS.render("ready.pack", Map.of("name", policy.name(), "version", policy.version(), "hash", policy.hash()));
    }

    /** The ready line's account of a chain: its file, how many stores, and each stack's store pack. */
    private static String serving(StoreEngine chain) {
        List<String> stacks = new ArrayList<>();
        for (StoreEngine.Stack stack : chain.stacks()) {
            StringBuilder each = new StringBuilder(serving(stack.engine().policy()));
            for (PolicyId floor : stack.engine().floors()) {
                each.append(READY_WORDS.render("ready.floor", Map.of("name", floor.name(), "version", floor.version())));
            }
            stacks.add(each.toString());
        }
        return READY_WORDS.render("ready.chain", Map.of("file", chain.file().toString(), "rows", chain.rows().size(),
                "stacks", chain.stacks().size(), "list", String.join(READY_WORDS.get("ready.list"), stacks)));
    }

    /**
     * Who may call (contract 15): the callers of {@code --callers}, the tokens of {@code --jwks}, or anyone when neither is
     * given, which is allowed only on a loopback address or with {@code --no-auth}.
     */
    private Access access() throws CallersFile.Unusable {
        CommandLine cli = spec.commandLine();
        AllowedHosts hosts;
        try {
            hosts = AllowedHosts.of(allowedHosts, host);
        } catch (IllegalArgumentException e) {
            throw new OptionValues.OutOfRange(cli, e.getMessage());
        }
        if (jwks == null && jwtAudience != null) throw new OptionValues.OutOfRange(cli, "--jwt-audience: goes with --jwks, the keys its tokens are signed with");
        boolean callers = callersFile != null || jwks != null;
        if (callers && noAuth) throw new OptionValues.OutOfRange(cli, "--no-auth: and --callers or --jwks: choose one");
        if (!callers) {
            if (!noAuth && !loopback(host)) {
                throw new OptionValues.OutOfRange(cli, "--host " + host + ": anyone who can reach this address could decide claims and read the report;"
                        + " give --callers FILE or --jwks FILE_OR_URL, or --no-auth to serve it open on purpose");
            }
            return Access.open(hosts);
        }
        JwtCallers jwt = null;
        if (jwks != null) {
            try {
                jwt = JwtCallers.of(jwks, jwtAudience);
            } catch (IllegalArgumentException e) {
                throw new OptionValues.OutOfRange(cli, e.getMessage());
            }
        }
        LiveCallers live = null;
        if (callersFile != null) {
            live = LiveCallers.watch(callersFile, LiveCallers.Listener.NONE);
        }
        return Access.of(live, jwt, hosts);
    }

    /** The TLS context of {@code --tls-cert} and {@code --tls-key}; null without them. */
    private SSLContext tls() {
        if (tlsCert == null && tlsKey == null) return null;
        if (tlsCert == null) throw new OptionValues.OutOfRange(spec.commandLine(), "--tls-key: goes with --tls-cert, the certificate it is the key of");
        if (tlsKey == null) throw new OptionValues.OutOfRange(spec.commandLine(), "--tls-cert: needs --tls-key, the certificate's private key");
        try {
            return TlsFiles.context(tlsCert, tlsKey);
        } catch (IllegalArgumentException e) {
            throw new OptionValues.OutOfRange(spec.commandLine(), e.getMessage());
        }
    }

    /** Whether the address is this machine's only (a name that does not resolve is left for the bind to report). */
    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** The ready line's end: who may call. Nothing for the open loopback service, as before access control. */
    private String whoMay(Access access) {
        if (!access.required()) return noAuth && !loopback(host) ? READY_WORDS.get("ready.anyone") : "";
        List<String> who = new ArrayList<>();
        if (access.callers() != null) {
            who.add(READY_WORDS.render("ready.callers", Map.of("callers", access.callers().callers().size(), "file", callersFile.toString())));
        }
        if (access.jwt() != null) {
            who.add(READY_WORDS.render("ready.tokens", Map.of("keys", String.valueOf(access.jwt().keys()), "audience", String.valueOf(jwtAudience))));
        }
        return READY_WORDS.render("ready.for", Map.of("who", String.join(READY_WORDS.get("ready.and"), who)));
    }

    /** Why a log file cannot be opened, said about the file and its folder rather than as the bare path Java gives. */
    private static String whyNotWritable(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            return Files.exists(folder) ? folder + " is not a folder" : "no such folder " + folder;
        }
        if (Files.isDirectory(file)) return "it is a folder";
        return "permission denied";
    }
}
