package org.videoannotator.embed.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.embed.model.NearestCentroid;
import org.videoannotator.embed.model.descriptor.DescriptorEmbedder;
import org.videoannotator.embed.video.ShotSpan;
import org.videoannotator.embed.video.synthetic.GroundTruth;
import org.videoannotator.embed.video.synthetic.Scene;
import org.videoannotator.embed.video.synthetic.Scene.Camera;
import org.videoannotator.embed.video.synthetic.Scene.Framing;
import org.videoannotator.embed.video.synthetic.Scene.Palette;
import org.videoannotator.embed.video.synthetic.ShotPlan;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;
import org.videoannotator.index.Clip;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;

/**
 * The descriptor on real encoded video (SyntheticVideo scenes, decoded and ingested): shots of a
 * training video give class centroids, shots of a second video with different places are classified
 * by nearest centroid.
 */
@Tag("slow") // renders and encodes videos
class DescriptorOnRenderedVideoTest {
  private static final Camera[] MOVES = {Camera.STATIC, Camera.PAN, Camera.ZOOM, Camera.SHAKE};

  private record Labelled(Camera camera, boolean night, float[] vector) {}

  @TempDir static Path dir;
  private static final List<Labelled> TRAIN = new ArrayList<>();
  private static final List<Labelled> TEST = new ArrayList<>();

  @BeforeAll
  static void renderAndIngest() {
    SyntheticVideo video = new SyntheticVideo(320, 180, 24, SyntheticVideo.Format.MP4_H264);
    Map<String, List<Scene>> scenes = new HashMap<>();
    Map<String, GroundTruth> truths = new HashMap<>();
    for (String name : List.of("train", "test")) {
      List<Scene> list = new ArrayList<>();
      List<ShotPlan> plan = new ArrayList<>();
      long seed = name.equals("train") ? 1 : 1000;
      for (int repeat = 0; repeat < 2; repeat++) {
        for (Camera camera : MOVES) {
          for (Palette palette : List.of(Palette.DAY_OUTDOOR, Palette.NIGHT_OUTDOOR)) {
            Scene scene =
                new Scene(
                    palette,
                    repeat == 0 ? Framing.WIDE : Framing.CLOSE,
                    2 + repeat,
                    "",
                    camera,
                    seed++);
            list.add(scene);
            plan.add(new ShotPlan(scene, 36, ShotPlan.Entry.CUT));
          }
        }
      }
      scenes.put(name, list);
      truths.put(name, video.render(plan, dir.resolve("videos").resolve(name + ".mp4")));
    }
    try (DescriptorEmbedder embedder = new DescriptorEmbedder();
        Corpus corpus =
            Corpus.open(
                dir.resolve("corpus"),
                CorpusOptions.create(embedder.info(), embedder.dimension()))) {
      new Ingester(corpus, embedder, IngestOptions.defaults()).run(List.of(dir.resolve("videos")));
      List<Clip> clips = corpus.clips().toList();
      for (String name : List.of("train", "test")) {
        List<ShotSpan> shots = truths.get(name).shots();
        for (int s = 0; s < shots.size(); s++) {
          // The clip holding the true shot's middle frame (robust to a detector miss).
          int middle = shots.get(s).middle();
          Clip clip =
              clips.stream()
                  .filter(
                      c ->
                          c.video().equals(name + ".mp4")
                              && c.frameIn() <= middle
                              && middle <= c.frameOut())
                  .findFirst()
                  .orElseThrow();
          Scene scene = scenes.get(name).get(s);
          (name.equals("train") ? TRAIN : TEST)
              .add(
                  new Labelled(scene.camera(), scene.palette().night(), corpus.vector(clip.key())));
        }
      }
    }
  }

  @Test
  void separatesCameraMovesOnShotsOfAnotherVideo() {
    double accuracy = accuracy(Labelled::camera);
    assertTrue(accuracy >= 0.85, "camera move accuracy " + accuracy + " (chance 0.25)");
  }

  @Test
  void separatesNightFromDayOnShotsOfAnotherVideo() {
    double accuracy = accuracy(Labelled::night);
    assertTrue(accuracy >= 0.9, "day/night accuracy " + accuracy);
  }

  private static <T> double accuracy(Function<Labelled, T> label) {
    return NearestCentroid.accuracy(TRAIN, TEST, label, Labelled::vector);
  }
}
