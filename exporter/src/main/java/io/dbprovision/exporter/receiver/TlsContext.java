package io.dbprovision.exporter.receiver;

import io.dbprovision.exporter.config.Sink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A webhook's client TLS from the Go tool's keys: {@code caFile} (PEM certificates to trust instead
 * of the JVM's), {@code certFile}/{@code keyFile} (a client certificate, PEM, PKCS#8 key), {@code
 * serverName} (SNI) and {@code insecureSkipVerify} (no chain or host name check; for tests and
 * emergencies only).
 */
record TlsContext(SSLContext sslContext, SSLParameters sslParameters) {

  static TlsContext of(String receiver, Sink.Tls tls) {
    try {
      TrustManager[] trust =
          tls.insecureSkipVerify()
              ? new TrustManager[] {new TrustingEverything()}
              : tls.caFile().isEmpty() ? null : trustFrom(Path.of(tls.caFile()));
      if (!tls.insecureSkipVerify() && !tls.serverName().isEmpty()) {
        trust = new TrustManager[] {new VerifyingServerName(chainOnly(trust), tls.serverName())};
      }
      KeyManager[] keys =
          tls.certFile().isEmpty()
              ? null
              : keysFrom(Path.of(tls.certFile()), Path.of(tls.keyFile()));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      SSLParameters parameters = context.getDefaultSSLParameters();
      if (!tls.serverName().isEmpty()) {
        parameters.setServerNames(List.of(new SNIHostName(tls.serverName())));
      }
      return new TlsContext(context, parameters);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "receivers."
              + receiver
              + ".webhook.tls: "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The trust manager that checks chains: the caFile's, or the JVM's default. */
  private static X509TrustManager chainOnly(TrustManager[] configured)
      throws GeneralSecurityException {
    TrustManager[] managers = configured;
    if (managers == null) {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      managers = factory.getTrustManagers();
    }
    for (TrustManager manager : managers) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }

  private static TrustManager[] trustFrom(Path caFile)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (Certificate certificate : certificates(caFile)) {
      store.setCertificateEntry("ca-" + i++, certificate);
    }
    if (i == 0) {
      throw new GeneralSecurityException("caFile holds no certificate");
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static KeyManager[] keysFrom(Path certFile, Path keyFile)
      throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> chain = certificates(certFile);
    byte[] der = pem(Files.readString(keyFile, StandardCharsets.US_ASCII), "PRIVATE KEY");
    PrivateKey key = null;
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        break;
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    if (key == null) {
      throw new GeneralSecurityException("keyFile is not a PKCS#8 RSA, EC or Ed25519 key");
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    char[] password = new char[0];
    store.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  private static Collection<? extends Certificate> certificates(Path file)
      throws IOException, GeneralSecurityException {
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
  }

  private static byte[] pem(String text, String label) throws GeneralSecurityException {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new GeneralSecurityException("expected a PEM block " + begin);
    }
    return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
  }

  /**
   * {@code serverName}, as Go's {@code tls.Config.ServerName}: the chain is checked as usual and
   * the certificate must name {@code serverName} (DNS or IP subject alternative name; a leading
   * {@code *.} matches one label), whatever host the URL has.
   */
  private static final class VerifyingServerName extends X509ExtendedTrustManager {
    private final X509TrustManager chain;
    private final String serverName;

    VerifyingServerName(X509TrustManager chain, String serverName) {
      this.chain = chain;
      this.serverName = serverName.toLowerCase(java.util.Locale.ROOT);
    }

    private void check(X509Certificate[] certificates, String authType)
        throws java.security.cert.CertificateException {
      chain.checkServerTrusted(certificates, authType);
      Collection<List<?>> names = certificates[0].getSubjectAlternativeNames();
      if (names != null) {
        for (List<?> name : names) {
          String value = String.valueOf(name.get(1)).toLowerCase(java.util.Locale.ROOT);
          if (value.equals(serverName)
              || (value.startsWith("*.")
                  && serverName.indexOf('.') > 0
                  && serverName.substring(serverName.indexOf('.')).equals(value.substring(1)))) {
            return;
          }
        }
      }
      throw new java.security.cert.CertificateException(
          "certificate does not name serverName " + serverName);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType)
        throws java.security.cert.CertificateException {
      check(certificates, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket)
        throws java.security.cert.CertificateException {
      check(certificates, authType);
    }

    @Override
    public void checkServerTrusted(
        X509Certificate[] certificates, String authType, SSLEngine engine)
        throws java.security.cert.CertificateException {
      check(certificates, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client side only");
    }

    @Override
    public void checkClientTrusted(
        X509Certificate[] certificates, String authType, SSLEngine engine)
        throws java.security.cert.CertificateException {
      throw new java.security.cert.CertificateException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return chain.getAcceptedIssuers();
    }
  }

  /** {@code insecureSkipVerify}: accepts any chain and, being the trust manager, any host name. */
  private static final class TrustingEverything extends X509ExtendedTrustManager
      implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
