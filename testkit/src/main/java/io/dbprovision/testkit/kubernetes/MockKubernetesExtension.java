package io.dbprovision.testkit.kubernetes;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one {@link MockKubernetes}, started on first use and stopped after the class.
 * Tests isolate themselves with {@link MockKubernetes#newNamespace(String)}.
 */
public final class MockKubernetesExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(MockKubernetesExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MockKubernetes.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(STORE)
        // JUnit closes AutoCloseable store values when the class's context ends.
        .getOrComputeIfAbsent("server", key -> MockKubernetes.start(), MockKubernetes.class);
  }
}
