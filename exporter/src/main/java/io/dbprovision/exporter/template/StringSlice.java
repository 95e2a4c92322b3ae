package io.dbprovision.exporter.template;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A Go {@code []string} (what splitList, keys and sortAlpha return), as opposed to a list. */
final class StringSlice extends AbstractList<String> implements RandomAccess {
  private final List<String> items;

  StringSlice(List<String> items) {
    this.items = List.copyOf(items);
  }

  @Override
  public String get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }
}
