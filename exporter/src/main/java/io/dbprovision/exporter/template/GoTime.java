package io.dbprovision.exporter.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A Go {@code time.Time}: an instant with the location it is shown in. */
record GoTime(Instant instant, ZoneId zone) {

  ZonedDateTime zoned() {
    return instant.atZone(zone);
  }

  /** Go's {@code Time.String()}, without the monotonic clock reading Go appends to now(). */
  @Override
  public String toString() {
    return GoTimeLayout.format(zoned(), "2006-01-02 15:04:05.999999999 -0700 MST");
  }
}
