/**
 * How a command's failure reaches the user: one line and exit status 1 for a {@code UserException},
 * a stack trace for a bug ({@code CommandFailures}).
 */
package org.videoannotator.core.cli;
