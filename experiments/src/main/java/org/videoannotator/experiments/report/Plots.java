package org.videoannotator.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.videoannotator.core.UserException;
import org.videoannotator.experiments.exp1.Exp1Result;
import org.videoannotator.experiments.exp1.Exp1Result.Cell;
import org.videoannotator.experiments.report.Exp1Summary.Row;

/**
 * PNG plots like the paper's figures: per label, AP against the number of annotations for each
 * comparison method and for VA's checkpoints, with the zero-shot scorer and the random baseline as
 * flat lines; and the median AP over labels per method and n.
 */
final class Plots {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;
  private static final BasicStroke DOTTED =
      new BasicStroke(
          1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f);

  List<Path> write(Exp1Result exp1, Exp1Summary summary, Path folder) {
    List<Path> files = new ArrayList<>();
    files.add(save(medianChart(summary, exp1.settings().ns()), folder.resolve("median-ap.png")));
    for (var e : exp1.labels().entrySet()) {
      files.add(
          save(
              labelChart(e.getKey(), e.getValue(), exp1),
              folder.resolve(safe(e.getKey()) + ".png")));
    }
    return files;
  }

  private static XYChart chart(String title) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle("number of annotations")
            .yAxisTitle("average precision (validation)")
            .build();
    chart
        .getStyler()
        .setYAxisMin(0.0)
        .setYAxisMax(1.0)
        .setXAxisLogarithmic(true)
        .setLegendPosition(Styler.LegendPosition.OutsideS)
        .setLegendLayout(Styler.LegendLayout.Horizontal)
        .setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(Color.WHITE)
        .setMarkerSize(6)
        .setDecimalPattern("0.##");
    return chart;
  }

  private static XYChart labelChart(String label, Exp1Result.LabelResult r, Exp1Result exp1) {
    XYChart chart = chart(label + ": AP against annotations");
    double xMin = Double.MAX_VALUE;
    double xMax = 0;
    for (String method : exp1.settings().methods()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int n : exp1.settings().ns()) {
        Cell c = r.cmp().get(n + "|" + method);
        if (c != null) {
          xs.add((double) n);
          ys.add(c.mean());
        }
      }
      if (!xs.isEmpty()) {
        chart.addSeries(method, xs, ys).setMarker(SeriesMarkers.CIRCLE);
        xMin = Math.min(xMin, xs.getFirst());
        xMax = Math.max(xMax, xs.getLast());
      }
    }
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Cell c : r.checkpoints()) {
      if (c.nTrain() > 0) {
        xs.add((double) c.nTrain());
        ys.add(c.mean());
      }
    }
    if (!xs.isEmpty()) {
      XYSeries va = chart.addSeries("VA checkpoints", xs, ys);
      va.setMarker(SeriesMarkers.DIAMOND).setLineColor(Color.BLACK);
      va.setMarkerColor(Color.BLACK);
      xMin = Math.min(xMin, xs.stream().mapToDouble(Double::doubleValue).min().orElse(xMin));
      xMax = Math.max(xMax, xs.stream().mapToDouble(Double::doubleValue).max().orElse(xMax));
    }
    if (xMax == 0) {
      xMin = 1;
      xMax = 1000;
    }
    flat(chart, "random baseline", r.baseline().mean(), xMin, xMax, new Color(200, 40, 40));
    if (r.zeroShot() != null) {
      flat(chart, "zero-shot scorer", r.zeroShot().mean(), xMin, xMax, Color.DARK_GRAY);
    }
    return chart;
  }

  private static void flat(
      XYChart chart, String name, double y, double x0, double x1, Color color) {
    XYSeries s = chart.addSeries(name, new double[] {x0, x1}, new double[] {y, y});
    s.setMarker(SeriesMarkers.NONE).setLineStyle(DOTTED).setLineColor(color);
  }

  private static XYChart medianChart(Exp1Summary summary, List<Integer> ns) {
    XYChart chart = chart("Median AP over labels, by method");
    Map<String, Map<Integer, List<Double>>> by = new LinkedHashMap<>();
    for (Row r : summary.rows()) {
      for (var e : r.byMethod().entrySet()) {
        by.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>())
            .computeIfAbsent(r.n(), k -> new ArrayList<>())
            .add(e.getValue().mean());
      }
    }
    for (String method : summary.methods()) {
      Map<Integer, List<Double>> perN = by.get(method);
      if (perN == null) {
        continue;
      }
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int n : ns) {
        if (perN.containsKey(n)) {
          xs.add((double) n);
          ys.add(Medians.median(perN.get(n)));
        }
      }
      XYSeries s = chart.addSeries(method, xs, ys);
      s.setMarker(SeriesMarkers.CIRCLE);
      if (method.equals(Exp1Summary.BASELINE) || method.equals(Exp1Summary.ZERO_SHOT_SCORER)) {
        s.setLineStyle(DOTTED);
      }
    }
    return chart;
  }

  private static String safe(String label) {
    return label.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static Path save(XYChart chart, Path file) {
    try {
      Files.createDirectories(file.getParent());
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
      return file;
    } catch (IOException e) {
      throw new UserException(file + ": cannot write plot (" + e.getMessage() + ")", e);
    }
  }
}
