package io.dbprovision.exporter.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback in front of a server, whose open connections a test can cut at once (as a
 * network failure or an API server restart does) while new connections keep being accepted.
 */
final class CuttableProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int upstreamPort;
  private final ExecutorService pumps = Executors.newCachedThreadPool();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private CuttableProxy(ServerSocket listener, int upstreamPort) {
    this.listener = listener;
    this.upstreamPort = upstreamPort;
  }

  static CuttableProxy to(int upstreamPort) throws IOException {
    CuttableProxy proxy =
        new CuttableProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), upstreamPort);
    proxy.pumps.execute(proxy::accept);
    return proxy;
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Closes every connection open now; later ones go through. */
  void cut() throws IOException {
    for (Socket socket : open) {
      socket.close();
      open.remove(socket);
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        open.add(client);
        open.add(server);
        pumps.execute(() -> pump(client, server));
        pumps.execute(() -> pump(server, client));
      } catch (IOException e) {
        // Closed, or the upstream refused: the client sees its connection fail.
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException cut) {
      // Either side closed.
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException ignored) {
        // Already closed.
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    cut();
    pumps.shutdownNow();
  }
}
