package io.dbprovision.exporter.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbprovision.exporter.config.ConfigLoader;
import io.dbprovision.exporter.config.InvalidConfigException;
import io.dbprovision.exporter.normalize.EventRecord;
import io.dbprovision.exporter.normalize.TestEvents;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTest {
  /** Route trees used by several rows; other rows write their tree inline in YAML flow style. */
  private static final Map<String, String> TREES =
      Map.of(
          // The Go tool's README example (its "*test*" fixed to a valid pattern, as its PR#135).
          "readme",
          """
          routes:
            - match:
                - receiver: dump
            - drop:
                - namespace: "test"
                - type: "Normal"
              match:
                - receiver: "critical-events-queue"
            - match:
                - kind: "Pod|Deployment|ReplicaSet"
                  labels:
                    version: "dev"
                  receiver: "slack"
          """,
          // The operator's events reference example.
          "seed",
          """
          routes:
            - match:
                - receiver: "slack"
              drop:
                - type: "Normal"
          """,
          // The Go tool's TestSubSubRoute and TestSubSubRouteWithDrop.
          "subsub",
          """
          match: [{namespace: kube-*}]
          routes:
            - match: [{receiver: osman}]
              routes:
                - match: [{receiver: any}]
          """,
          "subsub-drop",
          """
          match: [{namespace: kube-*}]
          routes:
            - match: [{receiver: osman}]
              routes:
                - drop: [{namespace: kube-system}]
                  match: [{receiver: any}]
          """);

  private static final Pattern RECEIVER = Pattern.compile("receiver:\\s*\"?([\\w-]+)");

  /** Compiles a tree through the real loader (so the row also proves the YAML loads). */
  static Router router(String tree) throws InvalidConfigException {
    String route = TREES.getOrDefault(tree, tree);
    Set<String> names = new LinkedHashSet<>();
    Matcher m = RECEIVER.matcher(route);
    while (m.find()) {
      names.add(m.group(1));
    }
    StringBuilder yaml = new StringBuilder("route:\n");
    route.lines().forEach(line -> yaml.append("  ").append(line).append('\n'));
    yaml.append("receivers:\n");
    names.forEach(n -> yaml.append("  - name: ").append(n).append("\n    stdout: {}\n"));
    var config = new ConfigLoader(k -> null, true).parse(yaml.toString(), "test").config();
    return Router.compile(config.route());
  }

  @ParameterizedTest(name = "[{index}] {0} / {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          # tree                                                              | event                                  | receivers
          {match: [{namespace: kube-system, receiver: r}]}                    | ns=kube-system                         | r
          {match: [{namespace: kube-system, receiver: r}]}                    | ns=default                             |
          {match: [{namespace: kube-*, receiver: r}]}                         | ns=kube-public                         | r
          {match: [{namespace: kube-*, receiver: r}]}                         | ns=default                             |
          {match: [{namespace: ^ops$, receiver: r}]}                          | ns=ops;involvedNs=apps                 | r
          {match: [{namespace: ^ops$, receiver: r}]}                          | ns=apps;involvedNs=ops                 |
          {match: [{kind: Pod, receiver: r}]}                                 | kind=PodDisruptionBudget               | r
          {match: [{kind: ^Pod$, receiver: r}]}                               | kind=PodDisruptionBudget               |
          {match: [{kind: ^Pod$, receiver: r}]}                               | kind=Pod                               | r
          `{match: [{kind: "Pod|Deployment", receiver: r}]}`                  | kind=Deployment                        | r
          {match: [{reason: Failed, receiver: r}]}                            | reason=CreateFailed                    | r
          {match: [{reason: Failed$, receiver: r}]}                           | reason=FailedMount                     |
          {match: [{type: warning, receiver: r}]}                             | type=Warning                           |
          {match: [{type: "(?i)warning", receiver: r}]}                       | type=Warning                           | r
          {match: [{reason: "(?P<what>Drift)", receiver: r}]}                 | reason=DriftDetected                   | r
          {match: [{message: pulled.*nginx.*, receiver: r}]}                  | message=Successfully pulled image "nginx:latest" | r
          {match: [{message: pulled.*nginx.*, minCount: 30, receiver: r}]}    | message=pulled nginx;count=5           |
          {match: [{minCount: 3, receiver: r}]}                               | count=3                                | r
          {match: [{minCount: 3, receiver: r}]}                               | count=2                                |
          {match: [{minCount: 3, receiver: r}]}                               | count=0;series=4                       | r
          {match: [{minCount: 1, receiver: r}]}                               | count=0                                | r
          {match: [{apiVersion: dbops.dbprovision.io, receiver: r}]}          | apiVersion=dbops.dbprovision.io/v1alpha1 | r
          {match: [{apiVersion: dbops.dbprovision.io, receiver: r}]}          | apiVersion=v1                          |
          {match: [{component: db-provision-operator, receiver: r}]}          | component=db-provision-operator        | r
          {match: [{component: db-provision-operator, receiver: r}]}          | reportingController=db-provision-operator | r
          {match: [{component: db-provision-operator, receiver: r}]}          | component=kubelet;reportingController=db-provision-operator |
          {match: [{host: node-1, receiver: r}]}                              | host=node-12                           | r
          {match: [{host: node-1, receiver: r}]}                              |                                        |
          {match: [{labels: {version: alpha}, receiver: r}]}                  | labels.version=alpha-123               | r
          {match: [{labels: {env: prod}, receiver: r}]}                       | labels.env=lab                         |
          {match: [{labels: {env: prod, version: beta}, receiver: r}]}        | labels.env=prod;labels.version=beta    | r
          {match: [{labels: {env: prod, version: beta}, receiver: r}]}        | labels.env=prod;labels.version=alpha   |
          {match: [{labels: {env: prod, version: beta}, receiver: r}]}        | labels.age=very-old;labels.version=beta |
          {match: [{labels: {owner: .*}, receiver: r}]}                       |                                        |
          {match: [{annotations: {name: sou*}, receiver: r}]}                 | ann.name=source;ann.service=event-exporter | r
          {match: [{annotations: {name: test*}, receiver: r}]}                | ann.name=source                        |
          {match: [{annotations: {name: sou*, service: event*}, receiver: r}]} | ann.service=event-exporter            |
          {match: [{namespace: kube-system, kind: Pod, labels: {env: prod}, annotations: {service: event*}, receiver: r}]} | ns=kube-system;kind=Pod;labels.env=prod;ann.service=event-exporter | r
          {match: [{namespace: kube-system, type: Warning, labels: {env: prod}, receiver: r}]} | ns=kube-system;labels.env=prod |
          {match: [{receiver: r}]}                                            | ns=anything;type=Warning               | r
          {}                                                                  | type=Warning                           |
          {drop: [{namespace: kube-system}], match: [{receiver: r}]}          | ns=kube-system                         |
          {drop: [{type: Normal}, {namespace: test}], match: [{receiver: r}]} | ns=test;type=Warning                   |
          {drop: [{type: Normal}, {namespace: test}], match: [{receiver: r}]} | ns=prod;type=Warning                   | r
          {drop: [{reason: Noise}], routes: [{match: [{receiver: r}]}]}       | reason=Noise                           |
          {drop: [{reason: Noise}], routes: [{match: [{receiver: r}]}]}       | reason=Signal                          | r
          {match: [{namespace: kube-system, receiver: a}, {receiver: b}]}     | ns=kube-system                         | a,b
          {match: [{namespace: kube-system, receiver: a}, {receiver: b}]}     | ns=default                             | b
          {match: [{namespace: x}, {receiver: y}]}                            | ns=other                               | y
          {match: [{namespace: x, receiver: y}]}                              | ns=other                               |
          {match: [{namespace: kube-system}], routes: [{match: [{receiver: r}]}]} | ns=kube-system                     | r
          {match: [{namespace: kube-system}], routes: [{match: [{receiver: r}]}]} | ns=default                         |
          {match: [{namespace: kube, receiver: a}, {type: Warning}], routes: [{match: [{receiver: b}]}]} | ns=kube-system;type=Normal | a
          {match: [{namespace: kube, receiver: a}, {type: Warning}], routes: [{match: [{receiver: b}]}]} | ns=kube-system;type=Warning | a,b
          {routes: [{match: [{receiver: a}]}, {match: [{receiver: b}]}]}      | type=Warning                           | a,b
          {routes: [{drop: [{type: Warning}], match: [{receiver: a}]}, {match: [{receiver: b}]}]} | type=Warning   | b
          {match: [{receiver: r}, {type: Warning, receiver: r}], routes: [{match: [{receiver: r}]}]} | type=Warning | r
          subsub                                                              | ns=kube-system                         | osman,any
          subsub-drop                                                         | ns=kube-system                         | osman
          subsub-drop                                                         | ns=kube-public                         | osman,any
          seed                                                                | type=Warning;reason=ConnectionFailed   | slack
          seed                                                                | type=Normal;reason=Connected           |
          readme                                                              | ns=default;kind=Pod;labels.version=dev  | dump,slack
          readme                                                              | ns=my-test-ns;kind=Service;type=Warning | dump
          readme                                                              | ns=prod;kind=Deployment;labels.version=dev;type=Warning | dump,critical-events-queue,slack
          readme                                                              | ns=prod;kind=DaemonSet;labels.version=dev;type=Warning | dump,critical-events-queue
          readme                                                              | ns=prod;kind=ReplicaSet;labels.version=prod;type=Warning | dump,critical-events-queue
          """)
  void routesLikeTheGoTool(String tree, String event, String receivers) throws Exception {
    List<String> expected =
        receivers == null
            ? List.of()
            : Arrays.stream(receivers.split(",")).map(String::trim).toList();

    assertThat(router(tree).receiversFor(TestEvents.parse(event)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void goTestIssue51DropsNormalAndMatchesOnlyTheExactReason() throws Exception {
    Router router =
        router(
            "{drop: [{type: Normal}], match: [{reason: FailedCreatePodContainer, receiver: elastic}]}");

    assertThat(
            router.receiversFor(TestEvents.parse("type=Warning;reason=FailedCreatePodContainer")))
        .containsExactly("elastic");
    assertThat(router.receiversFor(TestEvents.parse("type=Warning;reason=FailedCreate"))).isEmpty();
  }

  @Test
  void listsEachReceiverOnceInTheOrderTheTreeReachesIt() throws Exception {
    Router router =
        router(
            "{match: [{receiver: b}, {receiver: a}, {receiver: b}],"
                + " routes: [{match: [{receiver: c}, {receiver: a}]}]}");

    assertThat(router.receiversFor(TestEvents.parse(""))).containsExactly("b", "a", "c");
  }

  @Test
  void knowsWhetherRulesNeedTheInvolvedObjectsMetadata() throws Exception {
    assertThat(router("seed").usesInvolvedMetadata()).isFalse();
    assertThat(router("readme").usesInvolvedMetadata()).isTrue();
    assertThat(router("{drop: [{annotations: {a: b}}]}").usesInvolvedMetadata()).isTrue();
  }

  @Test
  void givesTheSameAnswerForTheSameEventEveryTime() throws Exception {
    Router router = router("readme");
    EventRecord event = TestEvents.parse("ns=prod;kind=Deployment;labels.version=dev;type=Warning");

    List<String> first = router.receiversFor(event);

    assertThat(router.receiversFor(event)).isEqualTo(first);
    assertThat(first).containsExactly("dump", "critical-events-queue", "slack");
  }
}
