package org.videoannotator.experiments.exp2;

/** Cycles through the sources that still have data. Depends on no score and no random draw. */
public final class RoundRobin extends DecisionProcess {
  public RoundRobin(Settings settings) {
    super(settings);
  }

  @Override
  protected Source select() {
    var available = available();
    return available.get(step % available.size());
  }
}
