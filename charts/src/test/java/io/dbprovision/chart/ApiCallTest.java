package io.dbprovision.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Requests become the permissions the API server's authorizer checks. */
class ApiCallTest {
  private static Permission needs(String method, String uri) {
    return ApiCall.of(method, URI.create("http://api" + uri)).needs().orElseThrow();
  }

  @Test
  void objectsCollectionsAndWatches() {
    assertThat(needs("GET", "/api/v1/namespaces/apps/secrets/pg-admin"))
        .isEqualTo(new Permission("", "secrets", "get", "pg-admin"));
    assertThat(needs("GET", "/apis/dbops.dbprovision.io/v1alpha1/databases?resourceVersion=0"))
        .isEqualTo(new Permission("dbops.dbprovision.io", "databases", "list", ""));
    assertThat(needs("GET", "/api/v1/events?allowWatchBookmarks=true&watch=true"))
        .isEqualTo(new Permission("", "events", "watch", ""));
  }

  @Test
  void writesAndSubresources() {
    assertThat(needs("POST", "/api/v1/namespaces/apps/events"))
        .isEqualTo(new Permission("", "events", "create", ""));
    assertThat(
            needs(
                "PATCH", "/apis/dbops.dbprovision.io/v1alpha1/namespaces/apps/databases/a/status"))
        .isEqualTo(new Permission("dbops.dbprovision.io", "databases/status", "patch", "a"));
    assertThat(needs("PUT", "/apis/coordination.k8s.io/v1/namespaces/x/leases/l"))
        .isEqualTo(new Permission("coordination.k8s.io", "leases", "update", "l"));
    assertThat(needs("DELETE", "/api/v1/namespaces/apps/secrets/s"))
        .isEqualTo(new Permission("", "secrets", "delete", "s"));
    assertThat(needs("DELETE", "/api/v1/namespaces/apps/secrets"))
        .isEqualTo(new Permission("", "secrets", "deletecollection", ""));
  }

  @Test
  void aNameSelectorNamesTheObjectAndTheNamespaceIsKept() {
    ApiCall call =
        ApiCall.of(
            "GET",
            URI.create(
                "http://api/api/v1/namespaces/ops/configmaps?fieldSelector=metadata.name%3Dcp&watch=true"));

    assertThat(call.needs()).contains(new Permission("", "configmaps", "watch", "cp"));
    assertThat(call.namespace()).contains("ops");
  }

  @Test
  void namespacesThemselvesAndDiscoveryPaths() {
    assertThat(needs("GET", "/api/v1/namespaces/apps"))
        .isEqualTo(new Permission("", "namespaces", "get", "apps"));
    assertThat(ApiCall.of("GET", URI.create("http://api/version")).needs()).isEmpty();
    assertThat(
            ApiCall.of("GET", URI.create("http://api/apis/dbops.dbprovision.io/v1alpha1")).needs())
        .isEqualTo(Optional.empty());
  }
}
