package io.dbprovision.operator.config;

import java.net.InetSocketAddress;

/**
 * Where an HTTP endpoint listens, written as Go programs and Kubernetes manifests write it: {@code
 * :8080} (every interface), {@code 127.0.0.1:8080}, {@code [::1]:8080}. Port 0 picks a free port.
 *
 * @param host an interface address or name; empty for every interface
 */
public record ListenAddress(String host, int port) {

  public ListenAddress {
    if (host == null) {
      host = "";
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
  }

  /** Parses {@code [host]:port}; the message of the exception says what is wrong. */
  public static ListenAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected [host]:port, got '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException(
          "an IPv6 host must be in brackets, as in [::1]:8080; got '" + text + "'");
    }
    String port = text.substring(colon + 1);
    if (!port.matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException("expected a port number after ':', got '" + text + "'");
    }
    int number = Integer.parseInt(port);
    if (number > 65535) {
      throw new IllegalArgumentException("port must be at most 65535, got '" + text + "'");
    }
    if (host.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("host must not contain spaces, got '" + text + "'");
    }
    return new ListenAddress(host, number);
  }

  /** Whether both could not listen at once (same port on overlapping interfaces). */
  public boolean conflictsWith(ListenAddress other) {
    return port != 0
        && port == other.port
        && (host.isEmpty() || other.host.isEmpty() || host.equals(other.host));
  }

  /** The socket address to bind; resolves the host name. */
  public InetSocketAddress toSocketAddress() {
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
