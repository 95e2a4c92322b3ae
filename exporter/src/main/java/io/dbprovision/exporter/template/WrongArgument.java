package io.dbprovision.exporter.template;

/**
 * An argument of the wrong Go type for a function parameter. Reported as Go reports it ("wrong type
 * for value; expected string; got int64"), without the "error calling" prefix of runtime failures.
 */
final class WrongArgument extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  WrongArgument(String message) {
    super(message);
  }
}
