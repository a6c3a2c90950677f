package io.policyengine.rules;

import org.kie.api.runtime.KieSession;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops a rule session that runs past its time limit, as far as Drools and Java allow: the session is
 * halted (it stops between two firings: rules that keep matching each other) and the thread running it
 * is interrupted (a consequence that sleeps or waits throws). A consequence that spins without ever
 * waiting cannot be stopped from outside; the caller's own deadline covers that case.
 *
 * <p>A watch is a deadline in a shared set, which one thread sweeps every {@link #SWEEP_MILLIS}: starting
 * and ending a watch wakes no thread. (A timer task per watch woke the timer thread once per decision,
 * when the cancelled task's time came: a few microseconds of every one-claim request to {@code serve}.)
 * A session is stopped at most one sweep after its time runs out, against limits of seconds.
 */
final class Watchdog implements AutoCloseable {
    static final long SWEEP_MILLIS = 10;

    private static final Set<Watchdog> WATCHED = ConcurrentHashMap.newKeySet();
    /** Whether the sweeper is parked, waiting for a first watch: only then does a new watch wake it. */
    private static volatile boolean sweeperIdle;
    private static final Thread SWEEPER = startSweeper();

    private final KieSession session;
    private final Thread thread = Thread.currentThread();
    private final long deadline;
    private boolean done;
    private boolean expired;

    private Watchdog(KieSession session, long millis) {
        this.session = session;
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        WATCHED.add(this);
        if (sweeperIdle) LockSupport.unpark(SWEEPER);
    }

    /** Watches {@code session}, run by the calling thread, for {@code millis}; close it when the session is done. */
    static Watchdog watch(KieSession session, long millis) {
        return new Watchdog(session, millis);
    }

    private static Thread startSweeper() {
        Thread sweeper = new Thread(Watchdog::sweep, "policy-rule-watchdog");
        sweeper.setDaemon(true);
        sweeper.start();
        return sweeper;
    }

    /** Stops every watched session whose time ran out; parks while nothing is watched, so an idle process stays idle. */
    private static void sweep() {
        while (true) {
            if (WATCHED.isEmpty()) {
                sweeperIdle = true;
                // a watch added after this check sees sweeperIdle and unparks, so park returns at once
                if (WATCHED.isEmpty()) LockSupport.park();
                sweeperIdle = false;
                continue;
            }
            long now = System.nanoTime();
            for (Watchdog watched : WATCHED) {
                if (now - watched.deadline >= 0) watched.expire();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SWEEP_MILLIS));
        }
    }

    private synchronized void expire() {
        WATCHED.remove(this);
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
        WATCHED.remove(this);
        if (interrupted) Thread.interrupted();
    }
}
