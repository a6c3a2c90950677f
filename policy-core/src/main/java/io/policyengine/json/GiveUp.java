package io.policyengine.json;

/**
 * Thrown by the fast token reader as soon as a value turns out not to be a plainly good claim; the value is then
 * read again by the strict reader, which says what is wrong. One instance, without a stack trace.
 */
final class GiveUp extends RuntimeException {

    static final GiveUp GIVE_UP = new GiveUp();

    private GiveUp() {
        super("not a plainly good claim", null, false, false);
    }
}
