package org.videoannotator.index.store;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.videoannotator.core.UserException;

/** The registry of {@link VectorIndexProvider}s on the class path, by kind. */
public final class VectorIndexes {
  private VectorIndexes() {}

  /** Every provider found, by kind. */
  public static Map<String, VectorIndexProvider> providers() {
    Map<String, VectorIndexProvider> byKind = new TreeMap<>();
    for (VectorIndexProvider p : ServiceLoader.load(VectorIndexProvider.class)) {
      byKind.put(p.kind(), p);
    }
    return byKind;
  }

  /** The provider of {@code kind}; an unknown kind is a user error listing the known ones. */
  public static VectorIndexProvider provider(String kind) {
    Map<String, VectorIndexProvider> all = providers();
    VectorIndexProvider p = all.get(kind);
    if (p == null) {
      throw new UserException("no vector store '" + kind + "' in this va build (known: "
          + String.join(", ", all.keySet()) + "); install the module that provides it");
    }
    return p;
  }
}
