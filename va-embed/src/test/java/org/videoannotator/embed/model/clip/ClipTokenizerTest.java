package org.videoannotator.embed.model.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ClipTokenizerTest {
  @Test
  void idsMatchThePythonReferenceForBothFileFormats() throws IOException {
    ClipTokenizer fromVocab = ClipTokenizer.load(TinyClip.single());
    ClipTokenizer fromJson = ClipTokenizer.load(TinyClip.split());
    for (JsonNode g : TinyClip.golden().get("texts")) {
      long[] expected = new long[g.get("ids").size()];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = g.get("ids").get(i).asLong();
      }
      String text = g.get("text").asText();
      assertArrayEquals(expected, fromVocab.tokenize(text, 77), text);
      assertArrayEquals(expected, fromJson.tokenize(text, 77), text);
    }
  }

  @Test
  void truncationKeepsTheEndTokenAndPaddingIsZero() {
    ClipTokenizer t = ClipTokenizer.load(TinyClip.single());
    long[] longText = t.tokenize("night ".repeat(200), 77);
    assertEquals(t.startId(), longText[0]);
    assertEquals(t.endId(), longText[76]);
    long[] shortText = t.tokenize("night", 77);
    assertEquals(0, shortText[76]);
  }

  @Test
  void cleaningUnescapesHtmlCollapsesSpaceAndLowerCases() {
    assertEquals("rock & roll night", ClipTokenizer.clean("  Rock &amp;amp;  Roll\n\tNIGHT "));
  }

  @Test
  void byteStandInsCoverAll256BytesDistinctly() {
    assertEquals(256, java.util.Set.of(ClipTokenizer.byteUnits()).size());
    assertEquals("!", ClipTokenizer.byteUnits()['!']);
    assertEquals("\u0100", ClipTokenizer.byteUnits()[0]);
  }
}
