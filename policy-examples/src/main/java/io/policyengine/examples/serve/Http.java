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
import java.util.Locale;

/** Small pieces of HTTP the endpoints share: answering, error bodies, reading a bounded body. */
final class Http {
    static final String JSON = "application/json; charset=utf-8";
    static final String NDJSON = "application/x-ndjson; charset=utf-8";
    static final int MAX_CLAIM_BYTES = 1 << 20;
    /** How much of a too-large body is read and dropped so that its sender still gets the 413. */
    private static final int MAX_DISCARD_BYTES = 16 << 20;
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private Http() {
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, JSON, json.getBytes(StandardCharsets.UTF_8));
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
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The whole body of a one-claim request; 413 over {@link #MAX_CLAIM_BYTES}. */
    static byte[] readClaimBody(HttpExchange exchange, InputStream in) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean hopeless = declared != null && declared.matches("\\d{1,18}")
                && Long.parseLong(declared) > MAX_CLAIM_BYTES + MAX_DISCARD_BYTES;
        if (hopeless) throw tooLarge();
        // One byte more than allowed tells a body that is too large, with or without Content-Length.
        byte[] body = in.readNBytes(MAX_CLAIM_BYTES + 1);
        if (body.length > MAX_CLAIM_BYTES) {
            // Read what the client is still sending before answering: closing a socket with unread
            // data resets the connection, and the client would see that instead of the 413.
            byte[] sink = new byte[1 << 16];
            for (long dropped = 0; dropped < MAX_DISCARD_BYTES; ) {
                int n = in.read(sink);
                if (n < 0) break;
                dropped += n;
            }
            throw tooLarge();
        }
        return body;
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "body: over 1 MiB for one claim; send many claims as JSON Lines (application/x-ndjson)");
    }
}
