package org.videoannotator.embed.model.clip;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.VectorMath;

/**
 * A CLIP dual encoder loaded from a {@link ClipModelFolder} through DJL's PyTorch engine. Each
 * tower is a DJL {@link Model} whose block runs one TorchScript method ({@code encode_image} /
 * {@code encode_text} of a single module, or {@code forward} of a tower module), driven by a {@link
 * Predictor} with a small translator that does CLIP's pre- and post-processing. Returns
 * L2-normalised vectors. Thread-safe: every call uses its own predictor.
 */
public final class ClipModel implements AutoCloseable {
  private final ClipModelFolder folder;
  private final ClipPreprocessor preprocessor;
  private final ClipTokenizer tokenizer;
  private final List<ZooModel<NDList, NDList>> loaded = new ArrayList<>();
  private final Model imageTower;
  private final Model textTower;

  private ClipModel(ClipModelFolder folder) {
    this.folder = folder;
    this.preprocessor = new ClipPreprocessor(folder.config());
    try {
      if (folder.single()) {
        PtSymbolBlock block = load(ClipModelFolder.SINGLE);
        imageTower = tower("encode_image", block);
        textTower = tower("encode_text", block);
      } else {
        imageTower = tower("forward", load(ClipModelFolder.IMAGE));
        textTower = folder.hasTextTower() ? tower("forward", load(ClipModelFolder.TEXT)) : null;
      }
      tokenizer = textTower == null ? null : ClipTokenizer.load(folder.dir());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Loads the model in {@code folder}; a missing or malformed file is a {@link UserException}. */
  public static ClipModel load(ClipModelFolder folder) {
    return new ClipModel(folder);
  }

  public ClipModelFolder folder() {
    return folder;
  }

  public boolean hasTextTower() {
    return textTower != null;
  }

  /** One L2-normalised vector per image, in order. */
  public float[][] encodeImages(List<BufferedImage> images) {
    if (images.isEmpty()) {
      return new float[0][];
    }
    try (Predictor<List<BufferedImage>, float[][]> p =
        imageTower.newPredictor(new ImageTranslator())) {
      return p.predict(images);
    } catch (TranslateException e) {
      throw new IllegalStateException(
          "CLIP image tower of " + folder.dir() + " failed: " + e.getMessage(), e);
    }
  }

  /** The text's L2-normalised vector. */
  public float[] encodeText(String text) {
    if (textTower == null) {
      throw new UserException(
          "CLIP model "
              + folder.dir()
              + " has no text tower ("
              + ClipModelFolder.TEXT
              + "); export it with va-embed/scripts/export_clip.py");
    }
    try (Predictor<String, float[][]> p = textTower.newPredictor(new TextTranslator())) {
      return p.predict(text)[0];
    } catch (TranslateException e) {
      throw new IllegalStateException(
          "CLIP text tower of " + folder.dir() + " failed: " + e.getMessage(), e);
    }
  }

  /** Token ids the text tower sees for {@code text}. */
  public long[] tokenize(String text) {
    if (tokenizer == null) {
      throw new IllegalStateException("no text tower");
    }
    return tokenizer.tokenize(text, folder.config().contextLength());
  }

  private PtSymbolBlock load(String file) {
    String name = file.substring(0, file.length() - ".pt".length());
    Criteria<NDList, NDList> criteria =
        Criteria.builder()
            .setTypes(NDList.class, NDList.class)
            .optModelPath(folder.dir())
            .optModelName(name)
            .optEngine("PyTorch")
            .optDevice(Device.cpu())
            .build();
    try {
      ZooModel<NDList, NDList> model = criteria.loadModel();
      loaded.add(model);
      return (PtSymbolBlock) model.getBlock();
    } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
      throw new UserException(
          "cannot load TorchScript "
              + folder.dir().resolve(file)
              + ": "
              + firstLine(e)
              + "; re-export it with va-embed/scripts/export_clip.py",
          e);
    }
  }

  /** A DJL model whose block runs {@code method} of the TorchScript module {@code block}. */
  private static Model tower(String method, PtSymbolBlock block) {
    Model model = Model.newInstance("clip-" + method, Device.cpu(), "PyTorch");
    model.setBlock(new LambdaBlock(inputs -> runMethod(block, method, inputs)));
    return model;
  }

  private static NDList runMethod(PtSymbolBlock block, String method, NDList inputs) {
    PtNDArray input = (PtNDArray) inputs.singletonOrThrow();
    try (IValue in = IValue.from(input);
        IValue out = IValueUtils.runMethod(block, method, in)) {
      if (!out.isTensor()) {
        throw new IllegalStateException(
            method + " returned " + out.getType() + ", expected a tensor");
      }
      return new NDList(out.toTensor((PtNDManager) input.getManager()));
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Rows of a [n, d] tensor, each L2-normalised. */
  private float[][] rows(NDArray array, int expected) {
    Shape shape = array.getShape();
    int dim = folder.config().embedDim();
    if (shape.dimension() != 2 || shape.get(0) != expected || shape.get(1) != dim) {
      throw new IllegalStateException(
          "CLIP model "
              + folder.dir()
              + " returned shape "
              + shape
              + ", expected ("
              + expected
              + ", "
              + dim
              + ") per config.json embed_dim");
    }
    float[] flat = array.toFloatArray();
    float[][] out = new float[expected][];
    for (int i = 0; i < expected; i++) {
      float[] row = new float[dim];
      System.arraycopy(flat, i * dim, row, 0, dim);
      out[i] = VectorMath.normalizeInPlace(row);
    }
    return out;
  }

  private final class ImageTranslator
      implements NoBatchifyTranslator<List<BufferedImage>, float[][]> {
    private int count;

    @Override
    public NDList processInput(TranslatorContext ctx, List<BufferedImage> images) {
      int size = folder.config().imageSize();
      int per = 3 * size * size;
      FloatBuffer data = FloatBuffer.allocate(images.size() * per);
      for (BufferedImage image : images) {
        data.put(preprocessor.toTensor(image));
      }
      data.flip();
      count = images.size();
      return new NDList(ctx.getNDManager().create(data, new Shape(images.size(), 3, size, size)));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
      return rows(list.singletonOrThrow(), count);
    }
  }

  private final class TextTranslator implements NoBatchifyTranslator<String, float[][]> {
    @Override
    public NDList processInput(TranslatorContext ctx, String text) {
      long[] ids = tokenize(text);
      return new NDList(ctx.getNDManager().create(ids, new Shape(1, ids.length)));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
      return rows(list.singletonOrThrow(), 1);
    }
  }

  @Override
  public void close() {
    if (imageTower != null) {
      imageTower.close();
    }
    if (textTower != null) {
      textTower.close();
    }
    loaded.forEach(ZooModel::close);
  }
}
