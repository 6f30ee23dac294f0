package org.videoannotator.index;

import java.util.List;
import java.util.Objects;
import org.videoannotator.core.UserException;

/** Where the query vector of a {@link SearchRequest} comes from. */
public sealed interface VectorQuery {

  /**
   * Words encoded by the corpus's text encoder. With a {@code null} encoder the search falls back
   * to full-text over the same words and says so in {@link SearchResult#notes()}.
   */
  record Text(String text, TextEncoder encoder) implements VectorQuery {
    public Text {
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new UserException("text query must not be blank");
      }
    }
  }

  /** A vector stored in the corpus's {@code queries.json} under {@code name}. */
  record Named(String name) implements VectorQuery {
    public Named {
      Objects.requireNonNull(name, "query name");
    }
  }

  /** Query by example: the renormalised centroid of the vectors of {@code keys}. */
  record Like(List<String> keys) implements VectorQuery {
    public Like {
      keys = List.copyOf(keys);
      if (keys.isEmpty()) {
        throw new UserException("query by example needs at least one key");
      }
    }
  }

  /** A raw vector of the corpus's dimension (normalised before use). */
  record Raw(float[] vector) implements VectorQuery {
    public Raw {
      Objects.requireNonNull(vector, "vector");
    }
  }
}
