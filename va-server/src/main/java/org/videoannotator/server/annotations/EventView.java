package org.videoannotator.server.annotations;

import org.videoannotator.server.store.Event;
import org.videoannotator.server.store.Source;

/** One log entry as the API shows it. */
public record EventView(
    long id, String label, String key, String value, String annotator, String time, Source source) {
  public static EventView of(Event e) {
    return new EventView(
        e.id(),
        e.label(),
        e.key(),
        e.value().wire(),
        e.annotator(),
        e.time().toString(),
        e.source());
  }
}
