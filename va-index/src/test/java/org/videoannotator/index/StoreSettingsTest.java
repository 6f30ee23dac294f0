package org.videoannotator.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.index.store.StoreSpec;

/**
 * --store as every command takes it, store flags on an existing corpus, and a create that fails.
 */
class StoreSettingsTest {
  @TempDir Path temp;

  @Test
  void storeTakesKindAndSettingsInOneWord() {
    StoreSpec spec =
        StoreSpec.parseKindAndParams(
            "opensearch:url=http://a:9200;http://b:9200,index=x", List.of("shards=2"));
    assertEquals("opensearch", spec.kind());
    assertEquals(
        Map.of("url", "http://a:9200;http://b:9200", "index", "x", "shards", "2"), spec.params());
    assertEquals(StoreSpec.lucene(), StoreSpec.parseKindAndParams("lucene"));
    UserException twice =
        assertThrows(
            UserException.class,
            () -> StoreSpec.parseKindAndParams("opensearch:index=a", List.of("index=b")));
    assertTrue(twice.getMessage().contains("index is given twice"), twice.getMessage());
    assertThrows(UserException.class, () -> StoreSpec.parseKindAndParams(":url=x"));
    assertThrows(UserException.class, () -> StoreSpec.parseKindAndParams("opensearch:url"));
  }

  @Test
  void anotherStoreForAnExistingCorpusIsRefusedNotIgnored() {
    Path dir = temp.resolve("c");
    Corpus.open(dir, CorpusOptions.create(TestData.EMBEDDER, 8)).close();
    UserException lucene =
        assertThrows(
            UserException.class,
            () ->
                Corpus.open(
                    dir,
                    CorpusOptions.openOrCreate(TestData.EMBEDDER, 8)
                        .withStore(new StoreSpec("lucene", Map.of("graph", "none")))));
    assertTrue(lucene.getMessage().contains("cannot change"), lucene.getMessage());
    UserException move =
        assertThrows(
            UserException.class,
            () -> StoreMaintenance.move(dir, new StoreSpec("lucene", Map.of("graph", "none"))));
    assertTrue(move.getMessage().contains("same index/ folder"), move.getMessage());
    Corpus.open(dir, CorpusOptions.openOrCreate(TestData.EMBEDDER, 8))
        .close(); // no --store: its own
    Corpus.open(dir, CorpusOptions.openOrCreate(TestData.EMBEDDER, 8).withStore(StoreSpec.lucene()))
        .close(); // the same
  }

  @Test
  void theLuceneProviderParsesItsOwnSettingsAndAnOpeningsSettingsAreNotRecorded() {
    CorpusOptions badM =
        CorpusOptions.create(TestData.EMBEDDER, 8)
            .withStore(new StoreSpec("lucene", Map.of("m", "1")));
    UserException m = assertThrows(UserException.class, () -> Corpus.open(temp.resolve("m"), badM));
    assertTrue(m.getMessage().contains("m=1") && m.getMessage().contains("2..512"), m.getMessage());
    UserException unknown =
        assertThrows(
            UserException.class,
            () ->
                Corpus.open(
                    temp.resolve("u"),
                    CorpusOptions.create(TestData.EMBEDDER, 8)
                        .withStoreSettings(Map.of("efSearch", "9"))));
    assertTrue(unknown.getMessage().contains("no setting 'efSearch'"), unknown.getMessage());
    assertFalse(Files.exists(temp.resolve("u")));
    Path dir = temp.resolve("c");
    CorpusOptions tuned =
        CorpusOptions.create(TestData.EMBEDDER, 8)
            .withStoreSettings(Map.of("m", "32", "beam-width", "50"));
    try (Corpus c = Corpus.open(dir, tuned)) {
      c.append(TestData.batch(TestData.clustered(20, 8, 2, 0.3, 3), 0, 20));
      assertEquals("32", c.storeStats().details().get("m"), "this opening's graph");
      assertEquals(StoreSpec.lucene(), c.manifest().store(), "not recorded");
    }
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      assertEquals("16", c.storeStats().details().get("m"), "later openings use the default again");
    }
  }

  @Test
  void aCreateThatFailsLeavesOnlyWhatWasThereBefore() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("taken"));
    Files.writeString(
        dir.resolve("index"), "not a folder"); // the Lucene store cannot open its index/
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThrows(
        RuntimeException.class, () -> Corpus.open(dir, CorpusOptions.create(TestData.EMBEDDER, 8)));
    try (var files = Files.list(dir)) {
      assertEquals(
          List.of("index", "notes.txt"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertFalse(Files.exists(dir.resolve("manifest.json")));
  }
}
