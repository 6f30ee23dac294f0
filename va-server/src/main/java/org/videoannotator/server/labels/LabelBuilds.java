package org.videoannotator.server.labels;

import org.videoannotator.server.store.BuildSummary;

/**
 * What labels need to know of builds: the latest finished one (shown with the label) and stopping a
 * running one when its label is deleted. Builds implement it, so this package does not depend on
 * them (builds look labels up, not the other way round).
 */
public interface LabelBuilds {
  /** The latest finished build of {@code label}, or null. */
  BuildSummary latestSummary(String label);

  /** Cancels a running build of {@code label}, if any. */
  void cancel(String label);
}
