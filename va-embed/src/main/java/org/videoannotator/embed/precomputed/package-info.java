/**
 * {@code va import-vectors}: precomputed vectors (CSV, HDF5, npy) and their clip table into a
 * corpus.
 */
package org.videoannotator.embed.precomputed;
