/**
 * Embedding matrices: the memory-mapped {@code FloatMatrix}, keys to rows ({@code KeyIndex},
 * {@code KeyedMatrix}) and the vector math the modules share ({@code VectorMath}).
 */
package org.videoannotator.core.vectors;
