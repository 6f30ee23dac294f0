/**
 * The HTTP layer's shared parts: the one mapping from a failure to a status and the JSON error
 * shape ({@code ErrorMapping}), typed parameters and bodies.
 */
package org.videoannotator.server.api;
