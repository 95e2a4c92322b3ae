package io.dbprovision.exporter.kube;

import io.dbprovision.exporter.deliver.Sleeper;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;

/**
 * Holds the requests of a fabric8 client to {@code kubeQPS} requests per second with bursts of
 * {@code kubeBurst}, as client-go does for the Go tool: requests (lists, lookups, writes) wait
 * before they are sent, on the thread that sends them. Watches are not held (see {@link #isWatch}).
 * fabric8 (7.5) has no such setting (its {@code Config} limits only concurrent requests), so the
 * limit is an interceptor of its HTTP client.
 */
public final class RequestRateLimiter implements Interceptor {
  /** The interceptor's name in the client (one limiter per client). */
  static final String NAME = "kube-rate-limit";

  private final TokenBucket bucket;
  private final Sleeper sleeper;

  RequestRateLimiter(TokenBucket bucket, Sleeper sleeper) {
    this.bucket = bucket;
    this.sleeper = sleeper;
  }

  /**
   * Whether the request opens a watch: one long-lived request per informer, which fabric8 re-opens
   * with its own backoff. Held to the rate, the exporter's 18 informer requests at start (a list
   * and a watch for Events and for each of the operator's 8 kinds) would outrun the default burst
   * of 10 and delay readiness by seconds; the Go tool watches Events only.
   */
  static boolean isWatch(HttpRequest request) {
    String query = request.uri().getRawQuery();
    return query != null && ("&" + query + "&").contains("&watch=true&");
  }

  /** Makes every client the builder builds keep to {@code qps} and {@code burst}. */
  public static KubernetesClientBuilder install(
      KubernetesClientBuilder builder, double qps, int burst) {
    return install(
        builder,
        new RequestRateLimiter(new TokenBucket(qps, burst, System::nanoTime), Sleeper.REAL));
  }

  static KubernetesClientBuilder install(
      KubernetesClientBuilder builder, RequestRateLimiter limiter) {
    return builder.withHttpClientBuilderConsumer(
        http -> http.addOrReplaceInterceptor(NAME, limiter));
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    if (isWatch(request)) {
      return;
    }
    long wait = bucket.take();
    if (wait == 0) {
      return;
    }
    try {
      sleeper.sleep(Duration.ofNanos(wait));
    } catch (InterruptedException e) {
      // The request goes out now; whoever interrupted (shutdown) sees the flag.
      Thread.currentThread().interrupt();
    }
  }
}
