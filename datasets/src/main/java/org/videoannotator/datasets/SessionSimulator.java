package org.videoannotator.datasets;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * Simulates one expert's Video Annotator session on one label, as the paper describes it: text
 * search first (the expert's query, batches of 25, until both answers occur), then rounds in which
 * the expert retrains a logistic regression and labels a batch from one of the four feeds
 * (top-positive, top-negative, borderline, random). The expert is annotator 0 of {@link
 * SyntheticWorld#annotate}; a checkpoint (the training set so far) is kept after every batch, until
 * the session reaches the label's target size.
 */
final class SessionSimulator {
  /** The session's outcome: shots in labelling order and the checkpoints after each batch. */
  record Session(List<Integer> rows, List<Checkpoint> checkpoints) {}

  enum Feed {
    TOP_POSITIVE,
    TOP_NEGATIVE,
    BORDERLINE,
    RANDOM
  }

  private static final int SEARCH_BATCH = 25;
  private static final int MAX_SEARCH_BATCHES = 6;
  private static final int FIT_STEPS = 60;
  private static final double[] FEED_WEIGHTS = {0.35, 0.2, 0.3, 0.15};

  private final SyntheticWorld world;
  private final FloatMatrix embeddings;
  private final long seed;

  SessionSimulator(SyntheticWorld world, FloatMatrix embeddings, long seed) {
    this.world = world;
    this.embeddings = embeddings;
    this.seed = seed;
  }

  Session run(int label) {
    int target = world.specs().get(label).aggTarget();
    SplittableRandom rng = Seeds.rng(seed, 100, label);
    List<Integer> rows = new ArrayList<>();
    List<Boolean> answers = new ArrayList<>();
    BitSet labelled = new BitSet(embeddings.rows());
    List<Checkpoint> checkpoints = new ArrayList<>();

    int[] searchOrder = Ranking.descending(Ranking.dotAll(embeddings, world.queryVector(label)));
    int searchNext = 0;
    for (int b = 0;
        b < MAX_SEARCH_BATCHES && rows.size() < target && (b == 0 || !bothAnswers(answers));
        b++) {
      int taken = 0;
      while (taken < Math.min(SEARCH_BATCH, target - rows.size())
          && searchNext < searchOrder.length) {
        int row = searchOrder[searchNext++];
        if (!labelled.get(row)) {
          label(label, row, rows, answers, labelled);
          taken++;
        }
      }
      checkpoints.add(checkpoint(rows, answers));
    }

    SimpleLogistic model = new SimpleLogistic(embeddings.dim());
    while (rows.size() < target && rows.size() < embeddings.rows()) {
      int batch = Math.min(batchSize(rows.size()), target - rows.size());
      Feed feed = bothAnswers(answers) ? pickFeed(rng) : Feed.RANDOM;
      List<Integer> picked;
      if (feed == Feed.RANDOM) {
        picked = randomUnlabelled(rng, labelled, batch);
      } else {
        boolean[] y = new boolean[answers.size()];
        for (int i = 0; i < y.length; i++) {
          y[i] = answers.get(i);
        }
        model.fit(embeddings, rows, y, FIT_STEPS);
        picked = fromFeed(feed, Ranking.scoreAll(embeddings, model::logit), labelled, batch);
      }
      for (int row : picked) {
        label(label, row, rows, answers, labelled);
      }
      checkpoints.add(checkpoint(rows, answers));
    }
    return new Session(List.copyOf(rows), List.copyOf(checkpoints));
  }

  /** Batches grow as the session goes on: 25 early, 50 past 200 shots, 100 past 500. */
  private static int batchSize(int labelledSoFar) {
    return labelledSoFar < 200 ? 25 : labelledSoFar < 500 ? 50 : 100;
  }

  private void label(
      int label, int row, List<Integer> rows, List<Boolean> answers, BitSet labelled) {
    rows.add(row);
    answers.add(world.annotate(label, row).primary());
    labelled.set(row);
  }

  private static boolean bothAnswers(List<Boolean> answers) {
    return answers.contains(true) && answers.contains(false);
  }

  private static Feed pickFeed(SplittableRandom rng) {
    double u = rng.nextDouble();
    for (int f = 0; f < FEED_WEIGHTS.length; f++) {
      u -= FEED_WEIGHTS[f];
      if (u < 0) {
        return Feed.values()[f];
      }
    }
    return Feed.RANDOM;
  }

  private Checkpoint checkpoint(List<Integer> rows, List<Boolean> answers) {
    List<String> pos = new ArrayList<>();
    List<String> neg = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      (answers.get(i) ? pos : neg).add(world.key(rows.get(i)));
    }
    return new Checkpoint(pos, neg);
  }

  private static List<Integer> fromFeed(Feed feed, float[] logits, BitSet labelled, int batch) {
    float[] key = new float[logits.length];
    for (int r = 0; r < logits.length; r++) {
      key[r] =
          switch (feed) {
            case TOP_POSITIVE -> logits[r];
            case TOP_NEGATIVE -> -logits[r];
            case BORDERLINE -> -Math.abs(logits[r]);
            case RANDOM -> throw new IllegalArgumentException("random feed has no ranking");
          };
    }
    List<Integer> out = new ArrayList<>();
    for (int row : Ranking.descending(key)) {
      if (out.size() == batch) {
        break;
      }
      if (!labelled.get(row)) {
        out.add(row);
      }
    }
    return out;
  }

  private List<Integer> randomUnlabelled(SplittableRandom rng, BitSet labelled, int batch) {
    int n = embeddings.rows();
    int wanted = Math.min(batch, n - labelled.cardinality());
    List<Integer> out = new ArrayList<>();
    BitSet chosen = new BitSet(n);
    while (out.size() < wanted) {
      int row = rng.nextInt(n);
      if (!labelled.get(row) && !chosen.get(row)) {
        chosen.set(row);
        out.add(row);
      }
    }
    return out;
  }
}
