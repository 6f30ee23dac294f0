/** {@code va bench clip}: the CLIP image encoder through DJL against PyTorch on the same frames. */
package org.videoannotator.bench.embed;
