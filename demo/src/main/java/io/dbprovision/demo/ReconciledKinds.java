package io.dbprovision.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kinds a set of reconcilers handles (the type argument of their {@code Reconciler<R>}), so
 * that the demo waits only for objects this build's operator reconciles.
 */
final class ReconciledKinds {
  private ReconciledKinds() {}

  static Set<String> of(Collection<? extends Reconciler<? extends HasMetadata>> reconcilers) {
    Set<String> kinds = new TreeSet<>();
    for (Reconciler<? extends HasMetadata> reconciler : reconcilers) {
      kinds.add(HasMetadata.getKind(resourceType(reconciler.getClass())));
    }
    return kinds;
  }

  private static Class<? extends HasMetadata> resourceType(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Type implemented : c.getGenericInterfaces()) {
        if (implemented instanceof ParameterizedType parameterized
            && parameterized.getRawType() == Reconciler.class
            && parameterized.getActualTypeArguments()[0] instanceof Class<?> resource) {
          return resource.asSubclass(HasMetadata.class);
        }
      }
    }
    throw new IllegalArgumentException(type + " does not implement Reconciler<R> directly");
  }
}
