package io.dbprovision.operator.reconcile;

import io.dbprovision.api.v1alpha1.ConnectionSpec;
import io.dbprovision.api.v1alpha1.DatabaseInstance;
import io.dbprovision.api.v1alpha1.DatabaseUser;
import io.dbprovision.api.v1alpha1.Engine;
import io.dbprovision.api.v1alpha1.PasswordSecretSpec;
import io.dbprovision.api.v1alpha1.SecretTemplate;
import io.dbprovision.operator.config.OperatorConfig;
import io.dbprovision.operator.engine.Identifiers;
import io.dbprovision.operator.model.Password;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Secret that hands a DatabaseUser's credentials to applications: keys {@code username}, {@code
 * password}, {@code host}, {@code port}, {@code database} (the instance's connection database) and
 * {@code uri}, labelled as the operator's and owned by the DatabaseUser (the garbage collector
 * removes it with the resource).
 *
 * <p>The password in an existing Secret is honoured: a Secret someone prepared under that name
 * before the DatabaseUser existed supplies the initial password. Everything else in the Secret is
 * brought back to what it should be; foreign labels, annotations and keys are kept.
 */
final class CredentialsSecret {
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String USER_LABEL = Annotations.PREFIX + "user";
  static final String PASSWORD = "password";

  /**
   * Marks a password written to the Secret but not yet confirmed set on the server: a pass that
   * finds it sets the password again, so a failure between the two writes heals itself. It holds no
   * secret.
   */
  static final String PASSWORD_PENDING = Annotations.PREFIX + "password-pending";

  /**
   * When the operator set the Secret's password on the server (RFC 3339). Kept on the Secret, next
   * to the password it dates, so the rotation schedule survives a lost or stale status.
   */
  static final String PASSWORD_SET_AT = Annotations.PREFIX + "password-set-at";

  /** What {@link #write} did. */
  enum Write {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  private static final Pattern SECRET_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final KubernetesClient client;

  CredentialsSecret(KubernetesClient client) {
    this.client = client;
  }

  /**
   * {@code passwordSecret.secretName}, else {@code <username>-credentials} made a valid Secret name
   * (lower case, {@code _} as {@code -}): user names may hold characters Secret names may not.
   */
  static String name(DatabaseUser user) {
    PasswordSecretSpec spec = user.getSpec().getPasswordSecret();
    if (spec != null && spec.getSecretName() != null && !spec.getSecretName().isBlank()) {
      return spec.getSecretName();
    }
    String base = user.getSpec().getUsername().toLowerCase(Locale.ROOT).replace('_', '-');
    return base.replaceAll("^-+", "") + "-credentials";
  }

  /** Why {@link #name} cannot name a Secret (a DNS-1123 subdomain), when it cannot. */
  static Optional<String> nameProblem(DatabaseUser user) {
    String name = name(user);
    if (name.length() <= 253 && SECRET_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        "Secret name "
            + Identifiers.display(name)
            + " is not a valid Kubernetes name (lower-case letters, digits, '-' and '.');"
            + " set passwordSecret.secretName");
  }

  Optional<Secret> read(DatabaseUser user) {
    return Optional.ofNullable(
        client.secrets().inNamespace(user.getMetadata().getNamespace()).withName(name(user)).get());
  }

  /** The password the Secret holds, when it holds a non-empty one. */
  static Optional<Password> password(Secret secret) {
    if (secret.getStringData() != null && notEmpty(secret.getStringData().get(PASSWORD))) {
      return Optional.of(Password.of(secret.getStringData().get(PASSWORD)));
    }
    if (secret.getData() == null || secret.getData().get(PASSWORD) == null) {
      return Optional.empty();
    }
    String decoded =
        new String(
            Base64.getDecoder().decode(secret.getData().get(PASSWORD)), StandardCharsets.UTF_8);
    return notEmpty(decoded) ? Optional.of(Password.of(decoded)) : Optional.empty();
  }

  /** Whether the Secret's password may not be on the server yet (see {@link #PASSWORD_PENDING}). */
  static boolean pending(Secret secret) {
    return secret.getMetadata().getAnnotations() != null
        && secret.getMetadata().getAnnotations().containsKey(PASSWORD_PENDING);
  }

  /** When the Secret's password was set, if the operator recorded it. */
  static Optional<Instant> passwordSetAt(Secret secret) {
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(PASSWORD_SET_AT);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // edited by hand: treated as unknown, and rewritten
    }
  }

  /**
   * Creates the Secret, or updates {@code existing} when its keys, labels, annotations or owner
   * differ from what they should be. {@code pending} marks the password as not yet set on the
   * server; {@code setAt} is when it was (or is being) set.
   */
  Write write(
      DatabaseUser user,
      DatabaseInstance instance,
      Password password,
      Optional<Secret> existing,
      boolean pending,
      Instant setAt) {
    Map<String, String> data = encode(data(user, instance, password));
    SecretTemplate template = template(user);
    Map<String, String> labels = new LinkedHashMap<>();
    if (template.getLabels() != null) {
      labels.putAll(template.getLabels());
    }
    labels.put(MANAGED_BY, OperatorConfig.COMPONENT);
    labels.put(USER_LABEL, user.getMetadata().getName());
    Map<String, String> annotations = new LinkedHashMap<>();
    if (template.getAnnotations() != null) {
      annotations.putAll(template.getAnnotations());
    }
    if (pending) {
      annotations.put(PASSWORD_PENDING, "true");
    }
    annotations.put(PASSWORD_SET_AT, setAt.toString());
    OwnerReference owner = owner(user);
    if (existing.isEmpty()) {
      Secret created =
          new SecretBuilder()
              .withMetadata(
                  new ObjectMetaBuilder()
                      .withName(name(user))
                      .withNamespace(user.getMetadata().getNamespace())
                      .withLabels(labels)
                      .withAnnotations(annotations)
                      .withOwnerReferences(owner)
                      .build())
              .withType(template.getType() == null ? "Opaque" : template.getType())
              .withData(data)
              .build();
      client.resource(created).create();
      return Write.CREATED;
    }
    Secret secret = existing.get();
    Secret updated = new SecretBuilder(secret).build();
    updated.setData(merged(secret.getData(), data));
    updated.setStringData(null);
    updated.getMetadata().setLabels(merged(secret.getMetadata().getLabels(), labels));
    Map<String, String> keptAnnotations =
        secret.getMetadata().getAnnotations() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(secret.getMetadata().getAnnotations());
    keptAnnotations.remove(PASSWORD_PENDING);
    updated.getMetadata().setAnnotations(merged(keptAnnotations, annotations));
    List<OwnerReference> owners =
        new ArrayList<>(
            secret.getMetadata().getOwnerReferences() == null
                ? List.of()
                : secret.getMetadata().getOwnerReferences());
    if (owners.stream().noneMatch(o -> Objects.equals(o.getUid(), owner.getUid()))) {
      // A Secret prepared by someone else is taken over; another controller's claim is left.
      owner.setController(owners.stream().noneMatch(o -> Boolean.TRUE.equals(o.getController())));
      owners.add(owner);
    }
    updated.getMetadata().setOwnerReferences(owners);
    if (Objects.equals(updated.getData(), secret.getData())
        && (secret.getStringData() == null || secret.getStringData().isEmpty())
        && Objects.equals(updated.getMetadata(), secret.getMetadata())) {
      return Write.UNCHANGED;
    }
    client.resource(updated).update();
    return Write.UPDATED;
  }

  /**
   * Lets the Secret outlive its DatabaseUser (deletion policy Retain keeps the login, so its
   * credentials stay too): removes the user's owner reference.
   */
  void release(DatabaseUser user) {
    read(user)
        .filter(
            secret ->
                secret.getMetadata().getOwnerReferences() != null
                    && secret.getMetadata().getOwnerReferences().stream()
                        .anyMatch(o -> Objects.equals(o.getUid(), user.getMetadata().getUid())))
        .ifPresent(
            secret -> {
              secret
                  .getMetadata()
                  .setOwnerReferences(
                      secret.getMetadata().getOwnerReferences().stream()
                          .filter(o -> !Objects.equals(o.getUid(), user.getMetadata().getUid()))
                          .toList());
              client.resource(secret).update();
            });
  }

  /** The keys of the Secret, in plain text (the password among them: never log this map). */
  static Map<String, String> data(DatabaseUser user, DatabaseInstance instance, Password password) {
    ConnectionSpec connection = instance.getSpec().getConnection();
    String username = user.getSpec().getUsername();
    Map<String, String> data = new LinkedHashMap<>();
    data.put("username", username);
    data.put(PASSWORD, password.reveal());
    data.put("host", connection.getHost());
    data.put("port", String.valueOf(connection.getPort()));
    if (connection.getDatabase() != null && !connection.getDatabase().isEmpty()) {
      data.put("database", connection.getDatabase());
    }
    data.put("uri", uri(instance.getSpec().getEngine(), connection, username, password));
    return data;
  }

  /**
   * {@code postgresql://user:password@host:port/database} or {@code mysql://…} (MariaDB clients
   * accept the MySQL scheme); user and password percent-encoded.
   */
  static String uri(Engine engine, ConnectionSpec connection, String username, Password password) {
    String scheme = engine == Engine.postgres ? "postgresql" : "mysql";
    String host =
        connection.getHost().contains(":")
            ? "[" + connection.getHost() + "]"
            : connection.getHost();
    String database = connection.getDatabase() == null ? "" : encode(connection.getDatabase());
    return scheme
        + "://"
        + encode(username)
        + ":"
        + encode(password.reveal())
        + "@"
        + host
        + ":"
        + connection.getPort()
        + "/"
        + database;
  }

  private static String encode(String value) {
    // URLEncoder writes form encoding; a URI's userinfo wants %20 for a space.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static SecretTemplate template(DatabaseUser user) {
    PasswordSecretSpec spec = user.getSpec().getPasswordSecret();
    return spec == null || spec.getSecretTemplate() == null
        ? new SecretTemplate()
        : spec.getSecretTemplate();
  }

  private static OwnerReference owner(DatabaseUser user) {
    return new OwnerReferenceBuilder()
        .withApiVersion(user.getApiVersion())
        .withKind(user.getKind())
        .withName(user.getMetadata().getName())
        .withUid(user.getMetadata().getUid())
        .withController(true)
        .build();
  }

  private static Map<String, String> encode(Map<String, String> plain) {
    Map<String, String> encoded = new LinkedHashMap<>();
    plain.forEach(
        (key, value) ->
            encoded.put(
                key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    return encoded;
  }

  private static Map<String, String> merged(Map<String, String> current, Map<String, String> ours) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (current != null) {
      merged.putAll(current);
    }
    merged.putAll(ours);
    // Empty rather than null: the client reads an absent map back as an empty one, and a null here
    // would look like a change on every pass.
    return merged;
  }

  private static boolean notEmpty(String value) {
    return value != null && !value.isEmpty();
  }
}
