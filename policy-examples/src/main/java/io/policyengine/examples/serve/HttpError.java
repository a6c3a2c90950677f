package io.policyengine.examples.serve;

/** A request the service refuses with a 4xx status and a one-line reason; never carries a stack trace. */
final class HttpError extends RuntimeException {
    final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
