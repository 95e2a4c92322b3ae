package io.dbprovision.exporter.template;

import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The functions a template may call, resolved once at parse time. {@link #standard(Clock)} holds
 * Go's built-ins and the Sprig subset; {@link #with} adds or replaces a function in a copy. A
 * registry is immutable and safe to share between threads.
 */
public final class FunctionRegistry {
  /** Marks and/or: their arguments are evaluated lazily, left to right, like Go's. */
  enum Evaluation {
    EAGER,
    AND,
    OR
  }

  record Entry(
      String name, int minArgs, int maxArgs, TemplateFunction function, Evaluation evaluation) {}

  /** For {@code maxArgs}: any number of arguments from {@code minArgs} on. */
  public static final int VARIADIC = Integer.MAX_VALUE;

  private static final FunctionRegistry UTC = standard(Clock.systemUTC());

  private final Map<String, Entry> entries;

  private FunctionRegistry(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  /**
   * Go's built-ins and the Sprig subset. {@code now} reads {@code clock}; {@code date} shows times
   * in the clock's zone (Go's "Local").
   */
  public static FunctionRegistry standard(Clock clock) {
    Map<String, Entry> entries = new HashMap<>();
    Builtins.register(entries);
    SprigFunctions.register(entries, clock);
    return new FunctionRegistry(entries);
  }

  /** The standard functions with a UTC system clock. */
  public static FunctionRegistry standard() {
    return UTC;
  }

  /** A copy with {@code name} bound to {@code function}, taking {@code arity} arguments. */
  public FunctionRegistry with(String name, int arity, TemplateFunction function) {
    return with(name, arity, arity, function);
  }

  /** A copy with {@code name} bound; {@code maxArgs} may be {@link #VARIADIC}. */
  public FunctionRegistry with(String name, int minArgs, int maxArgs, TemplateFunction function) {
    if (!name.matches("[\\p{L}_][\\p{L}\\p{N}_]*")) {
      throw new IllegalArgumentException("not a valid function name: \"" + name + "\"");
    }
    if (minArgs < 0 || maxArgs < minArgs) {
      throw new IllegalArgumentException(
          "function " + name + ": bad arity " + minArgs + ".." + maxArgs);
    }
    Map<String, Entry> copy = new HashMap<>(entries);
    copy.put(name, new Entry(name, minArgs, maxArgs, function, Evaluation.EAGER));
    return new FunctionRegistry(copy);
  }

  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(entries.keySet()));
  }

  Entry lookup(String name) {
    return entries.get(name);
  }

  static void add(Map<String, Entry> entries, String name, int min, int max, TemplateFunction fn) {
    entries.put(name, new Entry(name, min, max, fn, Evaluation.EAGER));
  }
}
