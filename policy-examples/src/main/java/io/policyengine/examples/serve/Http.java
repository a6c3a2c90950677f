package io.policyengine.examples.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small pieces of HTTP the endpoints share: answering, error bodies, reading a bounded body. */
final class Http {
    static final String JSON = "application/json; charset=utf-8";
    static final String NDJSON = "application/x-ndjson; charset=utf-8";
    static final int MAX_CLAIM_BYTES = 1 << 20;
    /** A Content-Length that is a number Java can hold (compiled once: String.matches compiles its pattern at each call). */
    private static final Pattern LENGTH = Pattern.compile("\\d{1,18}");
    /**
     * How much of a refused body is read and dropped after the answer, so that its sender gets the answer
     * and not a reset connection; a body still longer is cut (the request's time limit bounds it too).
     */
    private static final long MAX_DISCARD_BYTES = 1L << 30;
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private Http() {
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        send(exchange, status, contentType, body, false);
    }

    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        sendJson(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    static void sendJson(HttpExchange exchange, int status, byte[] json) throws IOException {
        send(exchange, status, JSON, json, false);
    }

    /**
     * A refusal: the answer goes out at once, then what the client is still sending of the body it was
     * refused for is read away before the answer ends (the JDK's server closes the request body with the
     * answer, and a socket closed with unread bytes resets, so the client would see the reset, not this).
     */
    static void refuseJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, JSON, json.getBytes(StandardCharsets.UTF_8), true);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body, boolean drainFirst)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head) exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        exchange.sendResponseHeaders(status, body.length == 0 || head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) out.write(body);
            if (drainFirst) {
                out.flush();
                drain(exchange.getRequestBody());
            }
        }
    }

    /** {@code {"error": "..."}} */
    static String errorJson(String message) {
        StringWriter out = new StringWriter(message.length() + 16);
        try (JsonGenerator json = JSON_FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** The request's media type in lower case without parameters ({@code application/json}), or null when absent. */
    static String mediaType(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Content-Type");
        if (header == null || header.isBlank()) return null;
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The first value of a query parameter, decoded; null when absent. */
    static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) return null;
        String found = null;
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (!key.equals(name)) continue;
            // contract 17: a parameter given twice is a question with two answers, not the first one silently
            if (found != null) throw new HttpError(400, name + ": given more than once in the query string");
            try {
                found = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, name + ": not URL-encoded (a % must be followed by two hex digits)");
            }
        }
        return found;
    }

    /** The whole body of a one-claim request; 413 over {@link #MAX_CLAIM_BYTES}. */
    static byte[] readClaimBody(HttpExchange exchange, InputStream in) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        long length = declared != null && LENGTH.matcher(declared).matches() ? Long.parseLong(declared) : -1;
        if (length > MAX_CLAIM_BYTES) throw tooLarge();
        if (length >= 0 && !exchange.getRequestHeaders().containsKey("Transfer-Encoding")) {
            // read into an array of the declared size, not through readNBytes' 8 KiB chunks (cleared, then copied);
            // the server's stream ends at Content-Length, so a shorter body is what the client sent
            byte[] body = new byte[(int) length];
            int read = in.readNBytes(body, 0, body.length);
            return read == body.length ? body : Arrays.copyOf(body, read);
        }
        // Chunked: one byte more than allowed tells a body that is too large.
        byte[] body = in.readNBytes(MAX_CLAIM_BYTES + 1);
        if (body.length > MAX_CLAIM_BYTES) throw tooLarge();
        return body;
    }

    /**
     * Whether reading the body failed because the client broke the chunked encoding, rather than went away:
     * the JDK's server says "invalid chunk length", "invalid chunk header", "invalid chunk end".
     */
    static boolean brokenChunks(IOException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("chunk");
    }

    /** Reads what is left of a request body and drops it, up to {@link #MAX_DISCARD_BYTES}. */
    /**
     * Reads away what is left of a body (up to a bound), so that the connection can carry the client's next
     * request: the JDK's server closes a connection whose request body was not read to its end.
     */
    static void drain(InputStream in) {
        byte[] sink = new byte[1 << 16];
        try {
            for (long dropped = 0; dropped < MAX_DISCARD_BYTES; ) {
                int n = in.read(sink);
                if (n < 0) break;
                dropped += n;
            }
        } catch (IOException e) {
            // a broken or abandoned body: nothing more to read
        }
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "body: over 1 MiB for one claim; send many claims as JSON Lines (application/x-ndjson)");
    }
}
