package io.policyengine.rules;

import org.kie.api.runtime.KieSession;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a rule session that runs past its time limit, as far as Drools and Java allow: the session is
 * halted (it stops between two firings: rules that keep matching each other) and the thread running it
 * is interrupted (a consequence that sleeps or waits throws). A consequence that spins without ever
 * waiting cannot be stopped from outside; the caller's own deadline covers that case.
 */
final class Watchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "policy-rule-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final KieSession session;
    private final Thread thread = Thread.currentThread();
    private final ScheduledFuture<?> alarm;
    private boolean done;
    private boolean expired;

    private Watchdog(KieSession session, long millis) {
        this.session = session;
        this.alarm = TIMER.schedule(this::expire, millis, TimeUnit.MILLISECONDS);
    }

    /** Watches {@code session}, run by the calling thread, for {@code millis}; close it when the session is done. */
    static Watchdog watch(KieSession session, long millis) {
        return new Watchdog(session, millis);
    }

    private synchronized void expire() {
        if (done) return;
        expired = true;
        session.halt();
        thread.interrupt();
    }

    /** Whether the time ran out and the session was stopped. */
    synchronized boolean expired() {
        return expired;
    }

    /** Ends the watch; the interrupt it may have sent is taken back, so that it reaches nothing after the session. */
    @Override
    public void close() {
        boolean interrupted;
        synchronized (this) {
            done = true;
            interrupted = expired;
        }
        alarm.cancel(false);
        if (interrupted) Thread.interrupted();
    }
}
