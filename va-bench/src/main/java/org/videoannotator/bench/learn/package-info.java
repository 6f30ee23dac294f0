/** {@code va bench learn}: the build loop's benchmark. */
package org.videoannotator.bench.learn;
