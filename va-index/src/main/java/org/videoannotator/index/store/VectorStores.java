package org.videoannotator.index.store;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.videoannotator.core.UserException;

/** The registry of {@link VectorStoreProvider}s on the class path, by kind. */
public final class VectorStores {
  private VectorStores() {}

  /** Every provider found, by kind. */
  public static Map<String, VectorStoreProvider> providers() {
    Map<String, VectorStoreProvider> byKind = new TreeMap<>();
    for (VectorStoreProvider p : ServiceLoader.load(VectorStoreProvider.class)) {
      byKind.put(p.kind(), p);
    }
    return byKind;
  }

  /** The provider of {@code kind}; an unknown kind is a user error listing the known ones. */
  public static VectorStoreProvider provider(String kind) {
    Map<String, VectorStoreProvider> all = providers();
    VectorStoreProvider p = all.get(kind);
    if (p == null) {
      throw new UserException(
          "no vector store '"
              + kind
              + "' in this va build (known: "
              + String.join(", ", all.keySet())
              + "); install the module that provides it");
    }
    return p;
  }
}
