package org.videoannotator.embed.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.videoannotator.embed.model.Images;

/** A shot's thumbnail: one keyframe as a JPEG {@value #WIDTH} px wide (never upscaled). */
public final class ThumbnailWriter {
  public static final int WIDTH = 320;
  public static final float QUALITY = 0.85f;

  private ThumbnailWriter() {}

  public static void write(BufferedImage frame, Path target) throws IOException {
    BufferedImage small =
        frame.getWidth() > WIDTH
            ? Images.resize(
                frame,
                WIDTH,
                Math.max(1, Math.round((float) frame.getHeight() * WIDTH / frame.getWidth())))
            : Images.resize(frame, frame.getWidth(), frame.getHeight());
    MediaFiles.writeAtomically(target, tmp -> writeJpeg(small, tmp));
  }

  private static void writeJpeg(BufferedImage image, Path file) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(QUALITY);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
