/** The {@code va dataset info} and {@code va dataset generate} commands. */
package org.videoannotator.datasets.cli;
