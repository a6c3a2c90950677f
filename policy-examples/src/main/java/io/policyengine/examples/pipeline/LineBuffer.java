package io.policyengine.examples.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A batch's output lines as UTF-8 bytes, read back without copying the whole buffer. Get one with {@link #forLines}
 * and {@link #release} it once its bytes are sent: the next batch writes into it again.
 */
public final class LineBuffer extends ByteArrayOutputStream {
    /** About what one decision takes, so that a batch's buffer seldom grows. */
    private static final int BYTES_PER_LINE = 2048;
    /**
     * Buffers of batches already sent. A new one is a megabyte for 512 claims that Java zeroes before the decisions are
     * written over it, a tenth of the time writing them takes (and as much more for the collector): a buffer given back is
     * used again instead. As many are kept as batches are in flight (Batches: twice the cores and two), up to 16.
     */
    private static final BlockingQueue<LineBuffer> SENT =
            new ArrayBlockingQueue<>(Math.min(16, 2 * Runtime.getRuntime().availableProcessors() + 2));
    /** A buffer a batch of very long lines grew past this is left to the collector rather than kept. */
    private static final int MOST_BYTES_KEPT = 8 << 20;

    private LineBuffer(int lines) {
        super(lines * BYTES_PER_LINE);
    }

    /** An empty buffer for about {@code lines} lines: one a sent batch gave back, else a new one. */
    public static LineBuffer forLines(int lines) {
        LineBuffer sent = SENT.poll();
        if (sent == null) return new LineBuffer(lines);
        sent.reset();
        return sent;
    }

    /** Gives the buffer back once its bytes are sent and nothing reads them any more; it must not be used after. */
    public synchronized void release() {
        if (buf.length <= MOST_BYTES_KEPT) SENT.offer(this);
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
