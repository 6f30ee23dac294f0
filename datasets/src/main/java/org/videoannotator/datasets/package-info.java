/**
 * The released Video Annotator data layout: {@link org.videoannotator.datasets.VaDataset} reads and
 * checks a folder (typed immutable records, memory-mapped embeddings keyed by shot key), {@link
 * org.videoannotator.datasets.VaDatasetWriter} writes one, and {@link
 * org.videoannotator.datasets.SyntheticVaGenerator} generates a seeded, realistic one.
 */
package org.videoannotator.datasets;
