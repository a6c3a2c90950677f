package io.policyengine.examples.serve;

/**
 * A failure on the service's side after an answer had started (its status and first lines sent): the
 * answer can no longer say so, so the connection is closed without the answer's end, which every HTTP
 * client reports as an error rather than as a complete, shorter answer.
 */
final class AnswerCut extends RuntimeException {
    AnswerCut(String message, Throwable cause) {
        super(message, cause);
    }
}
