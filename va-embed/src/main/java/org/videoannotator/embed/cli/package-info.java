/**
 * The {@code va ingest} and {@code va import-vectors} commands and the embedder options they share.
 */
package org.videoannotator.embed.cli;
