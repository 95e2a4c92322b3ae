package io.dbprovision.demo;

/** The demo cannot start (no usable PostgreSQL, for example); the message says how to fix it. */
public final class DemoUnavailable extends Exception {
  private static final long serialVersionUID = 1L;

  DemoUnavailable(String message) {
    super(message);
  }
}
