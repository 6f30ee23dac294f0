package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Murmur3Test {
  @Test
  void knownVectorsOfPythonMmh3() {
    // values from the mmh3 package's documentation and the SMHasher verification set
    assertEquals(-156908512, Murmur3.hash32("foo", 0));
    assertEquals(0, Murmur3.hash32("", 0));
    assertEquals(0x514E28B7, Murmur3.hash32("", 1));
    assertEquals(0x81F16F39, Murmur3.hash32("", 0xffffffff));
    assertEquals(0x2362F9DE, Murmur3.hash32(new byte[4], 0));
    assertEquals(0x5A97808A, Murmur3.hash32("aaaa", 0x9747b28c));
    assertEquals(0x24884CBA, Murmur3.hash32("Hello, world!", 0x9747b28c));
  }

  @Test
  void matchesGoldenHashesOfAsciiAndNonAsciiKeys() {
    JsonNode rows = Golden.read("murmur3.json");
    assertTrue(rows.size() > 400);
    for (JsonNode row : rows) {
      String key = row.get("key").asText();
      int seed = row.get("seed").asInt();
      assertEquals(row.get("hash").asInt(), Murmur3.hash32(key, seed), key);
      // The same bytes inside a larger array (a key read in place from a Parquet page).
      byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
      byte[] framed = new byte[bytes.length + 5];
      System.arraycopy(bytes, 0, framed, 3, bytes.length);
      assertEquals(row.get("hash").asInt(), Murmur3.hash32(framed, 3, bytes.length, seed), key);
      if (seed == 0) {
        assertEquals(row.get("validation").asBoolean(), ValidationSplit.isValidation(key), key);
      }
    }
  }

  @Test
  void splitSeparatesKeysByHashAndRefusesSidesWithoutPositives() {
    JsonNode rows = Golden.read("murmur3.json");
    Set<String> pos = new java.util.HashSet<>();
    Set<String> neg = new java.util.HashSet<>();
    int i = 0;
    for (JsonNode row : rows) {
      if (row.get("seed").asInt() == 0 && !row.get("key").asText().isEmpty()) {
        (i++ % 3 == 0 ? pos : neg).add(row.get("key").asText());
      }
    }
    LabelledSet set = new LabelledSet("action", pos, neg);
    ValidationSplit.Split split = ValidationSplit.split(set);
    assertEquals(set.size(), split.train().size() + split.validation().size());
    for (String key : split.validation().positives()) {
      assertTrue(ValidationSplit.isValidation(key));
      assertTrue(pos.contains(key));
    }
    for (String key : split.train().negatives()) {
      assertTrue(!ValidationSplit.isValidation(key));
    }
    // removing every validation positive leaves the validation side without positives
    ValidationSplit.NoPositivesException e =
        assertThrows(
            ValidationSplit.NoPositivesException.class,
            () -> ValidationSplit.split(set, Set.of(), split.validation().positives(), 0));
    assertTrue(e.getMessage().contains("validation split for label=action"), e.getMessage());
    assertThrows(
        ValidationSplit.NoPositivesException.class,
        () -> ValidationSplit.split(set, split.train().positives(), Set.of(), 0));
  }
}
