/**
 * What every benchmark shares: {@link org.videoannotator.bench.BenchOptions} ({@code --out}, {@code
 * --work}, {@code --seed}). Each benchmark lives in a subpackage named after what it measures: a
 * logic class, a thin {@code BenchSubcommand}, and a line in {@code
 * META-INF/services/org.videoannotator.core.VaSubcommand}.
 */
package org.videoannotator.bench;
