/**
 * Shared plumbing every module uses: the CLI conventions ({@code VaSubcommand}, {@code
 * BenchSubcommand}), {@code UserException} (a failure the user can fix), JSON, logged settings and
 * progress bars.
 */
package org.videoannotator.core;
