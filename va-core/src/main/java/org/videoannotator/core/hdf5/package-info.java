/**
 * The project's one reader and writer of float matrices in HDF5 files (the released data's
 * embeddings).
 */
package org.videoannotator.core.hdf5;
