package org.videoannotator.bench.loop;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.videoannotator.core.UserException;

/**
 * The PNG plots of {@code va bench loop} (XChart, as the replay report draws): median hold-out AP
 * against labels per policy, and estimated prevalence and share called "yes" against the true
 * prevalence, one point per label.
 */
final class LoopPlots {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;

  private LoopPlots() {}

  static List<Path> write(LoopResults r, LoopSummary summary, Path folder) {
    return List.of(
        save(apChart(r, summary), folder.resolve("loop-ap.png")),
        save(prevalenceChart(r, summary.stepAtMost(200)), folder.resolve("loop-prevalence.png")));
  }

  private static XYChart base(String title, String x, String y) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(x)
            .yAxisTitle(y)
            .build();
    chart
        .getStyler()
        .setLegendPosition(Styler.LegendPosition.OutsideE)
        .setLegendLayout(Styler.LegendLayout.Vertical)
        .setChartBackgroundColor(Color.WHITE)
        .setPlotBackgroundColor(Color.WHITE)
        .setMarkerSize(6)
        .setDecimalPattern("0.###");
    return chart;
  }

  private static XYChart apChart(LoopResults r, LoopSummary summary) {
    XYChart chart =
        base("Hold-out AP against labels (median over labels)", "labels", "hold-out AP");
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    for (String policy : r.policies()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < r.budgets().size(); i++) {
        double y = summary.medianAp(policy, i);
        if (!Double.isNaN(y)) {
          xs.add((double) r.budgets().get(i));
          ys.add(y);
        }
      }
      if (!xs.isEmpty()) {
        XYSeries s = chart.addSeries(policy, xs, ys);
        s.setMarker(SeriesMarkers.CIRCLE);
        if (policy.equals(LoopSummary.BASELINE)) {
          s.setLineColor(Color.BLACK).setLineStyle(new BasicStroke(2.5f));
          s.setMarkerColor(Color.BLACK);
        }
      }
    }
    return chart;
  }

  private static XYChart prevalenceChart(LoopResults r, int step) {
    String policy = r.policies().contains("default") ? "default" : r.policies().getFirst();
    XYChart chart =
        base(
            "Prevalence at "
                + r.budgets().get(step)
                + " labels, policy "
                + policy
                + " (one point per label)",
            "true prevalence",
            "estimate");
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
    List<Double> truth = new ArrayList<>();
    List<Double> estimated = new ArrayList<>();
    List<Double> truthYes = new ArrayList<>();
    List<Double> yes = new ArrayList<>();
    for (String label : r.labels()) {
      double t = r.trueRates().get(label);
      double e = r.spread(label, policy, step, Step::estimatedRate).mean();
      double y = r.spread(label, policy, step, Step::yesShare).mean();
      if (e > 0) {
        truth.add(t);
        estimated.add(e);
      }
      if (y > 0) {
        truthYes.add(t);
        yes.add(y);
      }
    }
    double lo =
        r.trueRates().values().stream().mapToDouble(Double::doubleValue).min().orElse(0.01) / 2;
    XYSeries diagonal =
        chart.addSeries("truth (y = x)", new double[] {lo, 1}, new double[] {lo, 1});
    diagonal.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY);
    if (!estimated.isEmpty()) {
      scatter(chart.addSeries("estimated prevalence", truth, estimated), SeriesMarkers.CIRCLE);
    }
    if (!yes.isEmpty()) {
      scatter(chart.addSeries("share called yes", truthYes, yes), SeriesMarkers.DIAMOND);
    }
    return chart;
  }

  private static void scatter(XYSeries s, Marker marker) {
    s.setMarker(marker).setLineStyle(new BasicStroke(0f));
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
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
