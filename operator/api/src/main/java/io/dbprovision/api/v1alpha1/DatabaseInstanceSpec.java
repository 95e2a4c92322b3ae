package io.dbprovision.api.v1alpha1;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** How to reach the server; connection details and credentials grow with the operator. */
public class DatabaseInstanceSpec {
  /** Which server dialect to speak. */
  @Required
  @ValidationRule(value = "self == oldSelf", message = "engine is immutable")
  private Engine engine;

  public Engine getEngine() {
    return engine;
  }

  public void setEngine(Engine engine) {
    this.engine = engine;
  }
}
