/**
 * Replays of the paper's experiments (`va replay`): the protocol, Experiments 1 and 2, reports,
 * declared replays and the figure-by-figure comparison of two Experiment 1 results (`va replay
 * compare`; `va bench replay` is in va-bench). Result files are written by {@link
 * org.videoannotator.experiments.ResultFiles}.
 */
package org.videoannotator.experiments;
