package org.videoannotator.server.team;

/**
 * One agreement statistic and the number of clips it rests on.
 *
 * @param value the statistic; null when it is undefined (no clips, or a kappa's 0/0 when everyone
 *     gave the same single answer)
 * @param clips how many clips it was computed from
 */
public record Figure(Double value, int clips) {
  static Figure of(double value, int clips) {
    return new Figure(clips == 0 || Double.isNaN(value) ? null : value, clips);
  }
}
