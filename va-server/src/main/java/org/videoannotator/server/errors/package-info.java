/**
 * The refusals services throw ({@link org.videoannotator.server.errors.DomainException}), free of
 * HTTP: package {@code api} maps them to statuses and the JSON error shape.
 */
package org.videoannotator.server.errors;
