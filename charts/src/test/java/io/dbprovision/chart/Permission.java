package io.dbprovision.chart;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One RBAC permission: a verb on a resource of an API group, optionally on one object name. Rules
 * are compared after expanding them into these, so that the same grant written as one rule or as
 * three compares equal and a single extra verb shows up by name.
 */
record Permission(String apiGroup, String resource, String verb, String resourceName)
    implements Comparable<Permission> {

  static Set<Permission> expand(Collection<PolicyRule> rules) {
    Set<Permission> permissions = new TreeSet<>();
    for (PolicyRule rule : rules) {
      List<String> names =
          rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
              ? List.of("")
              : rule.getResourceNames();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            for (String name : names) {
              permissions.add(new Permission(group, resource, verb, name));
            }
          }
        }
      }
    }
    return permissions;
  }

  /** Reads a fixture: {@code <apiGroup|core>/<resource>[/<sub>] <verb> [<name>]} per line. */
  static Set<Permission> fixture(String resource) {
    try (InputStream in = Permission.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      Set<Permission> permissions = new TreeSet<>();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.lines().map(String::strip).toList()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\\s+");
        int slash = fields[0].indexOf('/');
        String group = fields[0].substring(0, slash);
        permissions.add(
            new Permission(
                group.equals("core") ? "" : group,
                fields[0].substring(slash + 1),
                fields[1],
                fields.length > 2 ? fields[2] : ""));
      }
      return permissions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int compareTo(Permission other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return (apiGroup.isEmpty() ? "core" : apiGroup)
        + "/"
        + resource
        + " "
        + verb
        + (resourceName.isEmpty() ? "" : " " + resourceName);
  }
}
