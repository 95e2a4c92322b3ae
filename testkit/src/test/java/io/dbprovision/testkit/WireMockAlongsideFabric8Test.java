package io.dbprovision.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WireMock (the standalone, shaded artifact) plays Slack and webhooks in the exporter's tests. It
 * must live in one JVM with fabric8 without disturbing fabric8's Jackson.
 */
class WireMockAlongsideFabric8Test {
  @RegisterExtension
  static WireMockExtension webhook =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void receivesAnEventSerialisedByFabric8() throws Exception {
    webhook.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));
    String json =
        Serialization.asJson(
            new EventBuilder().withReason("ConnectionFailed").withType("Warning").build());

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(webhook.baseUrl() + "/hook"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    webhook.verify(
        postRequestedFor(urlEqualTo("/hook"))
            .withRequestBody(
                equalToJson("{\"reason\":\"ConnectionFailed\",\"type\":\"Warning\"}", true, true)));
  }
}
