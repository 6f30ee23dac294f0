package org.videoannotator.server.annotations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Settlement;
import org.videoannotator.server.store.Source;
import org.videoannotator.server.store.Value;

/**
 * The current annotation of a clip as the API shows it; {@code settlement} only when an adjudicator
 * settled the clip (then {@code value} is the settled answer).
 */
public record AnnotationView(
    String key,
    String value,
    Map<String, String> votes,
    String updated,
    Source source,
    @JsonInclude(JsonInclude.Include.NON_NULL) SettlementView settlement) {
  /** A standing settlement: the final answer, who gave it, their note (or null) and when. */
  public record SettlementView(String value, String by, String note, String time) {
    static SettlementView of(Settlement s) {
      return s == null
          ? null
          : new SettlementView(s.value().wire(), s.by(), s.note(), s.time().toString());
    }
  }

  public static AnnotationView of(CurrentAnnotation a) {
    Map<String, String> votes = new LinkedHashMap<>();
    for (Map.Entry<String, Value> v : a.votes().entrySet()) {
      votes.put(v.getKey(), v.getValue().wire());
    }
    return new AnnotationView(
        a.key(),
        a.value().wire(),
        votes,
        a.updated().toString(),
        a.source(),
        SettlementView.of(a.settlement()));
  }
}
