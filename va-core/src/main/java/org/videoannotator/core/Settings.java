package org.videoannotator.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/** Logs the settings a command runs with, one line, so every run's log says what it did. */
public final class Settings {
  private Settings() {}

  public static void log(Logger log, String command, Object... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("keyValues must come in pairs, got " + keyValues.length);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
    }
    log.info("{} settings: {}", command, map);
  }
}
