package org.videoannotator.bench.embed;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.BenchSubcommand;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.embed.model.clip.ClipModel;
import org.videoannotator.embed.model.clip.ClipModelFolder;
import org.videoannotator.embed.model.clip.ClipPreprocessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code va bench clip}: frames per second of a CLIP image tower through DJL, against PyTorch
 * itself running the same TorchScript file in the same run (when {@code --python} names an
 * interpreter with torch). Build a ViT-B/32-sized random model first with {@code
 * va-embed/scripts/make_tiny_clip.py DIR --vit-b32-size}.
 */
@Command(
    name = "clip",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark a CLIP image encoder via DJL against PyTorch.",
      "",
      "Frames/s of a CLIP image encoder via DJL (preprocessing + inference,",
      "and inference alone), and via PyTorch on the same TorchScript file",
      "when --python is given; prints the ratio."
    })
public final class BenchClipCommand implements BenchSubcommand, Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(BenchClipCommand.class);
  private static final Pattern PY_RESULT = Pattern.compile("frames_per_second=([0-9.]+)");

  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR",
      description = "CLIP model folder.")
  Path model;

  @Option(
      names = "--frames",
      defaultValue = "64",
      description = "Frames to time (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(
      names = "--batch",
      defaultValue = "8",
      description = "Frames per forward call (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--python",
      paramLabel = "EXE",
      description = "A python with torch (e.g. /usr/bin/python3) to time PyTorch on the same file.")
  String python;

  @Override
  public Integer call() throws Exception {
    if (frames < batch || batch < 1) {
      throw new UserException("--frames must be >= --batch >= 1, got " + frames + " and " + batch);
    }
    Settings.log(
        LOG,
        "va bench clip",
        "model",
        model,
        "frames",
        frames,
        "batch",
        batch,
        "python",
        python,
        "cores",
        Runtime.getRuntime().availableProcessors());
    ClipModelFolder folder = ClipModelFolder.open(model);
    List<BufferedImage> images = randomFrames(batch, 480, 270);
    ClipPreprocessor pre = new ClipPreprocessor(folder.config());
    try (ClipModel clip = ClipModel.load(folder)) {
      clip.encodeImages(images); // warm-up: first call compiles the graph
      long start = System.nanoTime();
      int done = 0;
      for (; done < frames; done += batch) {
        clip.encodeImages(images);
      }
      double djl = done / ((System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      for (int i = 0; i < frames; i++) {
        pre.toTensor(images.get(i % batch));
      }
      double preOnly = frames / ((System.nanoTime() - start) / 1e9);
      double inferenceOnly = 1 / (1 / djl - 1 / preOnly);
      System.out.printf(
          "model %s (%s, %d px), batch %d, %d frames of 480x270%n",
          folder.config().modelName(),
          folder.single() ? "model.pt" : "image_encoder.pt",
          folder.config().imageSize(),
          batch,
          done);
      System.out.printf(
          "DJL %s: %.1f frames/s end to end (preprocessing alone %.0f frames/s;"
              + " inference alone ~%.1f frames/s)%n",
          "PyTorch engine", djl, preOnly, inferenceOnly);
      if (python != null) {
        double py = pythonFramesPerSecond(folder, done);
        System.out.printf("PyTorch (python, same file, tensors prepared): %.1f frames/s%n", py);
        System.out.printf("ratio DJL inference / PyTorch: %.2f%n", inferenceOnly / py);
      }
    }
    return 0;
  }

  private double pythonFramesPerSecond(ClipModelFolder folder, int count)
      throws IOException, InterruptedException {
    boolean single = folder.single();
    Path file = folder.dir().resolve(single ? ClipModelFolder.SINGLE : ClipModelFolder.IMAGE);
    int size = folder.config().imageSize();
    String script =
        String.join(
            "\n",
            "import sys, time, torch",
            "torch.set_num_threads(" + Runtime.getRuntime().availableProcessors() + ")",
            "m = torch.jit.load(sys.argv[1]).eval()",
            "f = m.encode_image if " + (single ? "True" : "False") + " else m",
            "x = torch.randn(" + batch + ", 3, " + size + ", " + size + ")",
            "with torch.no_grad():",
            "    f(x)",
            "    t = time.perf_counter(); n = 0",
            "    while n < " + count + ":",
            "        f(x); n += " + batch,
            "    print('frames_per_second=%.3f' % (n / (time.perf_counter() - t)))");
    Process p =
        new ProcessBuilder(python, "-c", script, file.toString()).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        output.add(line);
      }
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroy();
    }
    for (String line : output) {
      Matcher m = PY_RESULT.matcher(line);
      if (m.find()) {
        return Double.parseDouble(m.group(1));
      }
    }
    throw new UserException(python + " could not time " + file + ": " + String.join(" | ", output));
  }

  private static List<BufferedImage> randomFrames(int n, int w, int h) {
    SplittableRandom rnd = new SplittableRandom(0);
    List<BufferedImage> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          img.setRGB(x, y, rnd.nextInt(1 << 24));
        }
      }
      out.add(img);
    }
    return out;
  }
}
