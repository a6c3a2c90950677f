package io.policyengine.examples.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;

/**
 * A decision log with only the lines of some stores (contract 15: a manager's report shows only their stores'
 * decisions): each line's {@code claim.store} is read, and a line of another store, of no store, or that is no
 * decision at all is left out, before the report reads a line. One line in memory at a time; the last line is
 * passed on only once its line break has come, as the report reads a live log.
 */
final class StoreLines extends InputStream {
    private static final JsonFactory JSON = new JsonFactory();

    private final InputStream in;
    private final Predicate<String> stores;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(2048);
    private byte[] pending = new byte[0];
    private int next;
    private boolean ended;

    StoreLines(InputStream in, Predicate<String> stores) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.stores = stores;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) return -1;
        return pending[next++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(length, pending.length - next);
        System.arraycopy(pending, next, buffer, offset, n);
        next += n;
        return n;
    }

    /** Makes sure there is something to hand out; false at the end. */
    private boolean fill() throws IOException {
        while (next == pending.length) {
            if (ended) return false;
            line.reset();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') line.write(b);
            if (b < 0) {
                ended = true;
                break; // a line without its break is still being written: left for the next read of the log
            }
            line.write('\n');
            byte[] bytes = line.toByteArray();
            if (stores.test(storeOf(bytes))) {
                pending = bytes;
                next = 0;
            }
        }
        return next < pending.length;
    }

    /** The line's {@code claim.store}; null when it has none or is not a JSON object. */
    static String storeOf(byte[] line) {
        try (JsonParser json = JSON.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) return null;
            for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
                JsonToken value = json.nextToken();
                if (!name.equals("claim") || value != JsonToken.START_OBJECT) {
                    json.skipChildren();
                    continue;
                }
                for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
                    JsonToken token = json.nextToken();
                    if (field.equals("store") && token == JsonToken.VALUE_STRING) return json.getText();
                    json.skipChildren();
                }
                return null;
            }
            return null;
        } catch (IOException e) {
            return null; // not JSON: no store's line
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
