package io.policyengine.examples.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A batch's output lines as UTF-8 bytes, read back without copying the whole buffer. */
public final class LineBuffer extends ByteArrayOutputStream {
    /** About what one decision takes, so that a batch's buffer seldom grows. */
    private static final int BYTES_PER_LINE = 2048;

    public LineBuffer(int lines) {
        super(lines * BYTES_PER_LINE);
    }

    /** The bytes written from {@code from} on, as text. */
    public synchronized String textFrom(int from) {
        return new String(buf, from, count - from, StandardCharsets.UTF_8);
    }

    /** The buffer itself, valid up to {@link #size()}: for handing the bytes on without a copy. */
    synchronized byte[] buffer() {
        return buf;
    }
}
