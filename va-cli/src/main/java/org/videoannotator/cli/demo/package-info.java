/**
 * {@code va demo}: the offline demo. Renders its synthetic videos, ingests them into a corpus with
 * a few labels (first run), then serves the annotator over it.
 */
package org.videoannotator.cli.demo;
