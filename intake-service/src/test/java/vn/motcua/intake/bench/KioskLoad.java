package vn.motcua.intake.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Many kiosks on loopback, each with one keep-alive connection and one request in flight at a time (a closed loop),
 * driven by one Vert.x event loop: the load generator should cost the machine far less than the service it measures.
 */
final class KioskLoad implements AutoCloseable {

    /** One request a kiosk sends: method, path, body and bearer token (null for none). */
    record Call(HttpMethod method, String path, String body, String bearer) {
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient client;
    private final int kiosks;

    KioskLoad(URI server, int kiosks) {
        this.kiosks = kiosks;
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(server.getHost())
                .setDefaultPort(server.getPort()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(kiosks));
    }

    /** Every kiosk repeats its calls until the time is up; answers every latency, sorted. */
    BenchResult run(String name, Duration duration, int expectedStatus, IntFunction<Call> callOfKiosk)
            throws Exception {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> kioskRuns = new ArrayList<>();
        for (int kiosk = 0; kiosk < kiosks; kiosk++) {
            Promise<long[]> done = Promise.promise();
            int id = kiosk;
            vertx.runOnContext(ignored -> loop(new long[1024], 0, end, expectedStatus, () -> callOfKiosk.apply(id), done));
            kioskRuns.add(done.future());
        }
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> run : kioskRuns) {
            latencies.add(run.toCompletionStage().toCompletableFuture().get(duration.toSeconds() + 60, TimeUnit.SECONDS));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new BenchResult(name, latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray(), seconds);
    }

    private void loop(long[] latencies, int count, long end, int expectedStatus,
                      Supplier<Call> nextCall, Promise<long[]> done) {
        if (System.nanoTime() >= end) {
            done.complete(Arrays.copyOf(latencies, count));
            return;
        }
        Call call = nextCall.get();
        long t0 = System.nanoTime();
        RequestOptions options = new RequestOptions().setMethod(call.method()).setURI(call.path());
        if (call.bearer() != null) {
            options.putHeader("Authorization", "Bearer " + call.bearer());
        }
        if (call.body() != null) {
            options.putHeader("Content-Type", "application/json")
                    .putHeader("Idempotency-Key", UUID.randomUUID().toString());
        }
        client.request(options)
                .compose(request -> call.body() == null ? request.send() : request.send(Buffer.buffer(call.body())))
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != expectedStatus) {
                        throw new IllegalStateException(call.method() + " " + call.path() + " answered "
                                + response.statusCode() + ": " + body);
                    }
                    return body;
                }))
                .onFailure(done::fail)
                .onSuccess(body -> {
                    long[] kept = count == latencies.length ? Arrays.copyOf(latencies, count * 2) : latencies;
                    kept[count] = System.nanoTime() - t0;
                    loop(kept, count + 1, end, expectedStatus, nextCall, done);
                });
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
