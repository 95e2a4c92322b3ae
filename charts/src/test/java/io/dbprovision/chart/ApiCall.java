package io.dbprovision.chart;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One request a component made to the Kubernetes API, as the API server's authorizer sees it: the
 * {@link Permission} it needs (API group, resource with subresource, verb, object name) and the
 * namespace it is made in; or, for paths outside resources ({@code /version}, discovery), just the
 * path.
 *
 * <p>The verb follows the API server's request-info rules: GET on an object is {@code get}, on a
 * collection {@code list}, with {@code watch=true} {@code watch}; POST {@code create}, PUT {@code
 * update}, PATCH {@code patch}, DELETE {@code delete} (on a collection {@code deletecollection}). A
 * {@code fieldSelector=metadata.name=...} on a collection names the object, as for RBAC.
 */
record ApiCall(String method, String path, Optional<String> namespace, Optional<Permission> needs) {
  private static final String NAME_SELECTOR = "metadata.name=";

  static ApiCall of(String method, URI uri) {
    String path = uri.getRawPath();
    List<String> segments =
        Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(ApiCall::decode).toList();
    int rest;
    String group;
    if (segments.size() >= 2 && segments.get(0).equals("api")) {
      group = "";
      rest = 2; // api/v1/...
    } else if (segments.size() >= 3 && segments.get(0).equals("apis")) {
      group = segments.get(1);
      rest = 3; // apis/<group>/<version>/...
    } else {
      return new ApiCall(method, path, Optional.empty(), Optional.empty());
    }
    List<String> parts = segments.subList(rest, segments.size());
    if (parts.isEmpty()) {
      return new ApiCall(method, path, Optional.empty(), Optional.empty()); // discovery
    }
    Optional<String> namespace = Optional.empty();
    if (parts.get(0).equals("namespaces") && parts.size() >= 3) {
      namespace = Optional.of(parts.get(1));
      parts = parts.subList(2, parts.size());
    }
    String resource = parts.get(0);
    String name = parts.size() > 1 ? parts.get(1) : "";
    if (parts.size() > 2) {
      resource = resource + "/" + parts.get(2);
    }
    boolean watch = "true".equals(query(uri, "watch").orElse(""));
    if (name.isEmpty()) {
      name =
          query(uri, "fieldSelector")
              .filter(s -> s.startsWith(NAME_SELECTOR) && !s.contains(","))
              .map(s -> s.substring(NAME_SELECTOR.length()))
              .orElse("");
    }
    boolean collection = parts.size() == 1;
    String verb =
        switch (method) {
          case "GET" -> watch ? "watch" : collection ? "list" : "get";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> collection ? "deletecollection" : "delete";
          default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    return new ApiCall(
        method, path, namespace, Optional.of(new Permission(group, resource, verb, name)));
  }

  private static Optional<String> query(URI uri, String parameter) {
    String query = uri.getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    return Arrays.stream(query.split("&"))
        .filter(p -> p.startsWith(parameter + "="))
        .map(p -> decode(p.substring(parameter.length() + 1)))
        .findFirst();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return method
        + " "
        + path
        + needs.map(p -> " (" + p + namespace.map(n -> " in " + n).orElse("") + ")").orElse("");
  }
}
