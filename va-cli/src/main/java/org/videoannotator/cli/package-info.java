/**
 * The {@code va} launcher: one picocli command tree over every module's {@code VaSubcommand}s,
 * found with {@code ServiceLoader} ({@code Va}), and its version.
 */
package org.videoannotator.cli;
