package io.policyengine.examples.serve;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answer to a batch on its way to the client, written by a thread of its own. Many clients
 * (Java's HttpClient, Python's http.client) send the whole body before they read any of the answer;
 * an answer written straight to the socket would then fill both sides' buffers and the two would wait
 * on each other for ever. So parts wait here: in memory while the client keeps up, then in a temporary
 * file once more than {@link #MEMORY_BYTES} wait, and the body keeps being read. Memory stays bounded;
 * the file holds what a client that does not read yet has not taken, and is deleted at the end.
 */
final class SpillingOutput {
    static final int MEMORY_BYTES = 4 << 20;
    /**
     * What every batch answer together keeps in memory (as 64 answers of {@link #MEMORY_BYTES} each): past it a
     * part goes to the spill file even when its own answer holds less. Batches no longer wait for a turn
     * (contract 17), so this, not a count of batches, is what bounds their memory.
     */
    static final long ALL_MEMORY_BYTES = 64L * MEMORY_BYTES;
    private static final AtomicLong ALL_IN_MEMORY = new AtomicLong();

    private final OutputStream client;
    private final Thread writer;
    private final Deque<byte[]> memory = new ArrayDeque<>();
    private long memoryBytes;
    private FileChannel spill;
    private long spillWritten;
    private long spillRead;
    private boolean finished;
    private IOException failure;

    SpillingOutput(OutputStream client) {
        this.client = client;
        this.writer = new Thread(this::writeToClient, "policy-batch-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a part of the answer; throws an IOException once the client is gone, {@link AnswerCut} when the spill file fails. */
    synchronized void write(byte[] part) throws IOException {
        if (failure != null) throw failure;
        if (spill == null && memoryBytes + part.length <= MEMORY_BYTES && reserve(part.length)) {
            memory.addLast(part);
            memoryBytes += part.length;
        } else {
            try {
                if (spill == null) {
                    // read each time, not once as Files.createTempFile(prefix, suffix) does: the folder in force now
                    Path spillFile = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "policy-batch-", ".ndjson");
                    spill = FileChannel.open(spillFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
                            StandardOpenOption.DELETE_ON_CLOSE);
                }
                ByteBuffer buffer = ByteBuffer.wrap(part);
                while (buffer.hasRemaining()) spillWritten += spill.write(buffer, spillWritten);
            } catch (IOException e) {
                // the service's own disk, not the client: the answer cannot go on
                throw new AnswerCut("the answer's spill file in " + System.getProperty("java.io.tmpdir")
                        + " cannot be written (" + e.getMessage() + ")", e);
            }
        }
        notifyAll();
    }

    /** Waits until the client has taken every part. */
    void finish() throws IOException {
        synchronized (this) {
            finished = true;
            notifyAll();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while answering a batch");
        }
        synchronized (this) {
            if (failure != null) throw failure;
        }
    }

    /** Drops what was not sent yet and ends the writing thread: the batch failed. */
    synchronized void abort() {
        finished = true;
        memory.clear();
        ALL_IN_MEMORY.addAndGet(-memoryBytes);
        memoryBytes = 0;
        closeSpill();
        notifyAll();
    }

    private void writeToClient() {
        try {
            byte[] part;
            while ((part = next()) != null) client.write(part);
            client.flush();
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        } finally {
            synchronized (this) {
                closeSpill();
            }
        }
    }

    /** The next part in order: memory first (it was queued before any spill), then the spill file; null at the end. */
    private synchronized byte[] next() throws IOException {
        while (true) {
            if (!memory.isEmpty()) {
                byte[] part = memory.removeFirst();
                memoryBytes -= part.length;
                ALL_IN_MEMORY.addAndGet(-part.length);
                return part;
            }
            if (spill != null && spillRead < spillWritten) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(1 << 16, spillWritten - spillRead));
                while (buffer.hasRemaining()) spillRead += spill.read(buffer, spillRead);
                return buffer.array();
            }
            if (spill != null) closeSpill(); // the client caught up: back to memory
            if (finished) return null;
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while answering a batch");
            }
        }
    }

    /** Takes {@code bytes} of the shared budget; false, taking nothing, when it has not got them. */
    private static boolean reserve(int bytes) {
        long now;
        do {
            now = ALL_IN_MEMORY.get();
            if (now + bytes > ALL_MEMORY_BYTES) return false;
        } while (!ALL_IN_MEMORY.compareAndSet(now, now + bytes));
        return true;
    }

    /** What every batch answer keeps in memory now (for tests). */
    static long allInMemory() {
        return ALL_IN_MEMORY.get();
    }

    private void closeSpill() {
        if (spill == null) return;
        try {
            spill.close();
        } catch (IOException ignored) {
            // DELETE_ON_CLOSE removes it; nothing else holds it
        }
        spill = null;
        spillWritten = 0;
        spillRead = 0;
    }
}
