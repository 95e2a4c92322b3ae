package io.dbprovision.exporter.route;

import io.dbprovision.exporter.config.RouteConfig;
import io.dbprovision.exporter.normalize.EventRecord;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which receivers an event goes to, with the Go kubernetes-event-exporter's semantics:
 *
 * <ol>
 *   <li>if any {@code drop} rule of a route matches, the route and all its sub-routes are skipped;
 *   <li>each {@code match} rule that matches and names a receiver sends there, independently of the
 *       other rules of the list;
 *   <li>only if every {@code match} rule matched (an empty list counts) does the event descend into
 *       each sub-route.
 * </ol>
 *
 * A rule's set fields are ANDed; text fields are unanchored regex searches. Unlike the Go tool, a
 * receiver reached through several rules receives the event once.
 *
 * <p>The tree is compiled once; {@link #receiversFor} is pure and safe from any thread.
 */
public final class Router {
  private final CompiledRoute root;
  private final boolean usesInvolvedMetadata;

  private Router(CompiledRoute root) {
    this.root = root;
    this.usesInvolvedMetadata = root.usesInvolvedMetadata();
  }

  /**
   * Compiles a validated route tree (see {@code ConfigLoader}, which reports invalid patterns with
   * their paths).
   *
   * @throws java.util.regex.PatternSyntaxException if a pattern slipped through unvalidated
   */
  public static Router compile(RouteConfig route) {
    return new Router(CompiledRoute.compile(route));
  }

  /** The receivers the event goes to, each once, in the order the tree first reaches them. */
  public List<String> receiversFor(EventRecord event) {
    Set<String> receivers = new LinkedHashSet<>();
    root.collect(event, receivers);
    return List.copyOf(receivers);
  }

  /** Whether some rule tests the involved object's labels or annotations. */
  public boolean usesInvolvedMetadata() {
    return usesInvolvedMetadata;
  }
}
