/** The {@code va import-va}, {@code va search} and {@code va store reindex|move} commands. */
package org.videoannotator.index.cli;
