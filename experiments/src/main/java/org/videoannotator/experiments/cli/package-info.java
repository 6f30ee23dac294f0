/** The `va replay` and `va bench replay` commands (picocli). */
package org.videoannotator.experiments.cli;
