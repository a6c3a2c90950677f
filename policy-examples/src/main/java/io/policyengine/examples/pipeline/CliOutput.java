package io.policyengine.examples.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as the command line writes it: text through this writer, in UTF-8, and lines already
 * encoded as UTF-8 (a batch of decisions) straight to the stream under it, with no decoding and
 * encoding again.
 */
public final class CliOutput extends PrintWriter {
    private final OutputStream bytes;

    public CliOutput(OutputStream out) {
        super(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        this.bytes = out;
    }

    /** Writes UTF-8 bytes to {@code out}, after the text written before them: to the stream under it if it is one of these. */
    public static void writeUtf8(PrintWriter out, byte[] utf8, int length) {
        if (out instanceof CliOutput output) {
            output.writeUtf8(utf8, length);
        } else {
            out.write(new String(utf8, 0, length, StandardCharsets.UTF_8));
        }
    }

    private void writeUtf8(byte[] utf8, int length) {
        synchronized (lock) {
            flush();
            try {
                bytes.write(utf8, 0, length);
            } catch (IOException e) {
                setError(); // as the writer does: checkError() tells
            }
        }
    }
}
