package io.policyengine.examples.serve;

import io.policyengine.examples.pipeline.ClaimBatches;
import io.policyengine.PolicyEngine;
import io.policyengine.json.ClaimSource;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/**
 * Issue #33, "the HTTP stack, decided by measurement": the service's hot paths on three HTTP stacks, one
 * stack a process, so that each gets a JIT of its own. {@code jdk} is today's {@link DecisionService}
 * itself; {@code jetty} (Jetty 12, core Handler API, no servlets) and {@code vertx} (Vert.x 5 on Netty)
 * serve {@code POST /v1/decisions} with the same work per request: the same claim reader, engine check,
 * decision, answer writer, {@code Decision-Id}, and the same metrics; a JSON Lines body streams through
 * the same {@link ClaimBatches} and {@link BatchAnswer}, and {@code GET /healthz} answers for the
 * slow-client runs. No decision log (as in the measured {@code serve} runs).
 *
 * <p>Run by {@code bench/http-stacks.sh}, which starts each stack in turn and measures it with wrk;
 * not a test.
 * <pre>java -cp ... io.policyengine.examples.serve.HttpStacksBench jdk|jetty|vertx PORT</pre>
 */
public final class HttpStacksBench {
    private static final String HEALTHY = "{\"status\":\"serving\"}";

    private HttpStacksBench() {
    }

    public static void main(String[] args) throws Exception {
        String stack = args[0];
        int port = Integer.parseInt(args[1]);
        PolicyEngine engine = PolicyEngine.storeStandard();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        switch (stack) {
            case "jdk" -> new DecisionService(address, engine, false, DecisionLog.NONE, Languages.EN);
            case "jetty" -> jetty(address, new Work(engine));
            case "vertx" -> vertx(address, new Work(engine));
            default -> throw new IllegalArgumentException("stack: jdk, jetty or vertx, not " + stack);
        }
        System.err.println(stack + " serving on " + address);
        new CountDownLatch(1).await();
    }

    /** What every stack does for a request, apart from HTTP: exactly ClaimEndpoints' one-claim and batch paths. */
    static final class Work {
        final ServiceMetrics metrics = new ServiceMetrics();
        final LiveRules rules;

        Work(PolicyEngine engine) {
            rules = new LiveRules(engine, false, metrics);
        }

        record Answer(String decisionId, byte[] json) {
        }

        Answer decideOne(byte[] body) {
            Claim claim = OneClaim.read(body);
            rules.check(claim);
            Decision decision = rules.decide(claim);
            String json = AnswerJson.decision(decision, rules.wording(Languages.EN));
            String decisionId = DecisionLog.newId();
            metrics.decided(decision);
            return new Answer(decisionId, json.getBytes(StandardCharsets.UTF_8));
        }

        void batch(InputStream body, OutputStream out) throws IOException {
            BatchAnswer answer = new BatchAnswer(out, rules.wordings(null, Languages.EN), rules::regionOf, DecisionLog.NONE, metrics, null);
            ClaimBatches.decide(rules.decider(), List.of(ClaimSource.STDIN), body,
                    UnaryOperator.identity(), answer::write, answer::send);
            answer.finish();
            out.close();
        }
    }

    // ---------------------------------------------------------------- Jetty 12

    static Server jetty(InetSocketAddress address, Work work) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                long start = System.nanoTime();
                String path = Request.getPathInContext(request);
                int status = 200;
                if (path.equals("/healthz")) {
                    answer(response, callback, 200, Http.JSON, HEALTHY.getBytes(StandardCharsets.UTF_8));
                } else if (path.equals("/v1/decisions") && request.getMethod().equals("POST")) {
                    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
                    if (type != null && type.startsWith("application/x-ndjson")) {
                        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Http.NDJSON);
                        work.batch(Content.Source.asInputStream(request), Content.Sink.asOutputStream(response));
                        callback.succeeded();
                    } else {
                        byte[] body = Content.Source.asInputStream(request).readNBytes(Http.MAX_CLAIM_BYTES + 1);
                        try {
                            Work.Answer answer = work.decideOne(body);
                            response.getHeaders().put("Decision-Id", answer.decisionId());
                            answer(response, callback, 200, Http.JSON, answer.json());
                        } catch (BadInputException e) {
                            status = 400;
                            answer(response, callback, 400, Http.JSON, Http.errorJson(e.getMessage()).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } else {
                    status = 404;
                    answer(response, callback, 404, Http.JSON, Http.errorJson("path: no such resource " + path).getBytes(StandardCharsets.UTF_8));
                }
                work.metrics.request(request.getMethod(), path, status, System.nanoTime() - start);
                return true;
            }
        });
        server.start();
        return server;
    }

    private static void answer(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    // ---------------------------------------------------------------- Vert.x 5 (Netty)

    static Vertx vertx(InetSocketAddress address, Work work) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions());
        // A server started outside a verticle serves every connection on one event loop: one server per
        // event loop (the default of 2 a core), sharing the port, is how Vert.x uses every core.
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                return vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
                        .requestHandler(request -> vertxRequest(request, work))
                        .listen(address.getPort(), address.getHostString());
            }
        }, new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE)).await();
        return vertx;
    }

    private static void vertxRequest(HttpServerRequest request, Work work) {
        long start = System.nanoTime();
        String path = request.path();
        HttpServerResponse response = request.response();
        if (path.equals("/healthz")) {
            send(response, 200, HEALTHY);
            work.metrics.request(request.method().name(), path, 200, System.nanoTime() - start);
        } else if (path.equals("/v1/decisions") && request.method().name().equals("POST")) {
            String type = request.getHeader("Content-Type");
            if (type != null && type.startsWith("application/x-ndjson")) {
                vertxBatch(request, work);
                return;
            }
            request.body().onSuccess(body -> {
                int status = 200;
                try {
                    Work.Answer answer = work.decideOne(body.getBytes());
                    response.putHeader("Decision-Id", answer.decisionId());
                    response.putHeader("Content-Type", Http.JSON);
                    response.end(Buffer.buffer(answer.json()));
                } catch (BadInputException e) {
                    status = 400;
                    send(response, 400, Http.errorJson(e.getMessage()));
                }
                work.metrics.request("POST", path, status, System.nanoTime() - start);
            });
        } else {
            send(response, 404, Http.errorJson("path: no such resource " + path));
        }
    }

    private static void send(HttpServerResponse response, int status, String json) {
        response.setStatusCode(status).putHeader("Content-Type", Http.JSON).end(json);
    }

    /**
     * The batch path needs blocking streams (ClaimBatches reads an InputStream): the body's buffers go to
     * a queue that a thread of the batch's own reads, the request paused while the queue is full; the
     * answer is written back through the response, which Vert.x hands to the connection's event loop.
     */
    private static void vertxBatch(HttpServerRequest request, Work work) {
        HttpServerResponse response = request.response();
        response.setChunked(true).putHeader("Content-Type", Http.NDJSON);
        QueueInput body = new QueueInput(request);
        request.handler(body::offer);
        request.endHandler(end -> body.offer(QueueInput.END));
        Thread batch = new Thread(() -> {
            try {
                work.batch(body, new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[]{(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        response.write(Buffer.buffer().appendBytes(bytes, offset, length));
                        if (response.writeQueueFull()) {
                            // a client that reads slowly: wait for the connection to drain, as a blocking stream would
                            CountDownLatch drained = new CountDownLatch(1);
                            response.drainHandler(done -> drained.countDown());
                            try {
                                if (response.writeQueueFull()) drained.await();
                            } catch (InterruptedException e) {
                                throw new InterruptedIOException();
                            }
                        }
                    }

                    @Override
                    public void close() {
                        response.end();
                    }
                });
            } catch (IOException | RuntimeException e) {
                response.reset();
            }
        }, "vertx-batch");
        batch.setDaemon(true);
        batch.start();
    }

    /** A request body as an InputStream, fed by the event loop; the request pauses while 64 buffers wait. */
    private static final class QueueInput extends InputStream {
        static final Buffer END = Buffer.buffer();
        private final BlockingQueue<Buffer> queue = new ArrayBlockingQueue<>(1024);
        private final HttpServerRequest request;
        private byte[] current = new byte[0];
        private int at;
        private boolean ended;

        QueueInput(HttpServerRequest request) {
            this.request = request;
        }

        void offer(Buffer buffer) {
            queue.add(buffer);
            if (queue.size() >= 64) request.pause();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            while (at == current.length) {
                if (ended) return -1;
                try {
                    Buffer next = queue.take();
                    if (queue.size() < 16) request.resume();
                    if (next == END) {
                        ended = true;
                    } else {
                        current = next.getBytes();
                        at = 0;
                    }
                } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                }
            }
            int n = Math.min(length, current.length - at);
            System.arraycopy(current, at, into, offset, n);
            at += n;
            return n;
        }
    }
}
