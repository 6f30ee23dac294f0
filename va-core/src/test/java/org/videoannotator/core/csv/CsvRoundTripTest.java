package org.videoannotator.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.UserException;

class CsvRoundTripTest {
  @Test
  void fieldsThatNeedQuotingSurviveARoundTrip() {
    List<String> tricky =
        List.of("plain", "a,comma", "a \"quote\"", "two\nlines", "", "\uFEFFbom", "cr\r\nlf");
    String text =
        CsvWriter.line(List.of("h1", "h2"))
            + CsvWriter.line(tricky)
            + "\n"
            + CsvWriter.line(List.of("x"));
    List<CsvReader.Row> rows = CsvReader.parse(text, "test");
    assertEquals(3, rows.size(), "the blank line is skipped");
    assertEquals(
        List.of("plain", "a,comma", "a \"quote\"", "two\nlines", "", "\uFEFFbom", "cr\nlf"),
        rows.get(1).fields(),
        "a quoted CRLF reads back as LF");
    assertEquals(2, rows.get(1).line());
    assertEquals(6, rows.get(2).line(), "lines count the quoted line breaks and the blank line");
  }

  @Test
  void anUnclosedQuoteNamesTheSourceAndLine() {
    UserException e =
        assertThrows(UserException.class, () -> CsvReader.parse("k,v\n\"a,1\nb,2\n", "votes.csv"));
    assertTrue(e.getMessage().startsWith("votes.csv:2:"), e.getMessage());
  }
}
