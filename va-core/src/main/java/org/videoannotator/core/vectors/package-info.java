/**
 * Embedding matrices: the memory-mapped {@code FloatMatrix}, keys to rows ({@code KeyIndex}, {@code
 * KeyedMatrix}), the vector math the modules share ({@code VectorMath}), the one home of the SIMD
 * kernels with their scalar fallback ({@code DotProducts}) and numpy's pairwise sum ({@code
 * PairwiseSum}).
 */
package org.videoannotator.core.vectors;
