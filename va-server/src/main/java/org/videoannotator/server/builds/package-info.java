/**
 * Builds: training a label's model, scoring the corpus and filling the feeds as a background job;
 * the live status, the cached {@code LabelModel} per model version, and the model files.
 */
package org.videoannotator.server.builds;
