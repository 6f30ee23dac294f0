/**
 * {@code va bench replay}: Experiment 1 timed as whole processes ({@code WholeProcess}), ours
 * against the reference package ({@code PythonProtocol}), with the figures compared by the
 * experiments module.
 */
package org.videoannotator.bench.replay;
