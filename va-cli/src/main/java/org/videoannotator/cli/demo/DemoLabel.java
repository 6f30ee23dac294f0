package org.videoannotator.cli.demo;

import java.util.List;
import java.util.function.Predicate;
import org.videoannotator.embed.video.synthetic.Scene;

/**
 * A label the demo creates so the first screen is not empty. {@code truth} says, from the rendered
 * scene, whether a shot is a positive: the demo test uses it as the expert's answers.
 */
public record DemoLabel(
    String name, String description, List<String> keywords, Predicate<Scene> truth) {

  public static final List<DemoLabel> ALL =
      List.of(
          new DemoLabel(
              "night",
              "Scenes at night, outdoors under street light or indoors in the dark",
              List.of("night", "dark", "evening"),
              s -> s.palette().night()),
          new DemoLabel(
              "pan",
              "The camera turns horizontally across the scene (slow or fast pans)",
              List.of("pan", "camera move", "sweep"),
              s -> s.camera() == Scene.Camera.PAN || s.camera() == Scene.Camera.FAST_PAN),
          new DemoLabel(
              "close-up",
              "Close framing: a few large subjects fill the frame",
              List.of("close-up", "close shot", "tight framing"),
              s -> s.framing() == Scene.Framing.CLOSE),
          new DemoLabel(
              "crowd",
              "Many people in view at once (eight or more figures)",
              List.of("crowd", "many people", "audience"),
              s -> s.figures() >= 8));
}
