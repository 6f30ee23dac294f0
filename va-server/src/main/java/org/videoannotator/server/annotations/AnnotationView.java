package org.videoannotator.server.annotations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Source;
import org.videoannotator.server.store.Value;

/** The current annotation of a clip as the API shows it. */
public record AnnotationView(String key, String value, Map<String, String> votes, String updated, Source source) {
  public static AnnotationView of(CurrentAnnotation a) {
    Map<String, String> votes = new LinkedHashMap<>();
    for (Map.Entry<String, Value> v : a.votes().entrySet()) {
      votes.put(v.getKey(), v.getValue().wire());
    }
    return new AnnotationView(a.key(), a.value().wire(), votes, a.updated().toString(), a.source());
  }
}
