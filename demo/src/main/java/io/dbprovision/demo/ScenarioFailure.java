package io.dbprovision.demo;

/** A step of the scenario did not happen in time; the message says which. */
public final class ScenarioFailure extends Exception {
  private static final long serialVersionUID = 1L;

  ScenarioFailure(String message) {
    super(message);
  }
}
