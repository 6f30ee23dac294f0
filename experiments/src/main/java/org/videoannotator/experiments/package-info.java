/**
 * Replays of the paper's experiments (`va replay`): the protocol, Experiments 1 and 2, reports, declared replays and the benchmark against the Python protocol. Result files are written by {@link org.videoannotator.experiments.ResultFiles}.
 */
package org.videoannotator.experiments;
