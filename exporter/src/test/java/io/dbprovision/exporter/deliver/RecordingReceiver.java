package io.dbprovision.exporter.deliver;

import io.dbprovision.exporter.receiver.Outgoing;
import io.dbprovision.exporter.receiver.Receiver;
import io.dbprovision.exporter.receiver.SendResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** A receiver that records what it is sent; its first send can be held until released. */
final class RecordingReceiver implements Receiver {
  private final String name;
  private final String pacingKey;
  private final List<Outgoing> sent = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch release;
  final CountDownLatch firstSendStarted = new CountDownLatch(1);

  RecordingReceiver(String name, String pacingKey, boolean holdFirstSend) {
    this.name = name;
    this.pacingKey = pacingKey;
    this.release = new CountDownLatch(holdFirstSend ? 1 : 0);
  }

  void release() {
    release.countDown();
  }

  List<Outgoing> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<String> pacingKey() {
    return Optional.ofNullable(pacingKey);
  }

  @Override
  public SendResult send(Outgoing message) {
    firstSendStarted.countDown();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.retryable("interrupted");
    }
    sent.add(message);
    return new SendResult.Sent();
  }
}
