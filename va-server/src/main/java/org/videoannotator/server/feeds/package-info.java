/**
 * The feeds of a build, paged for the UI, and the {@code auto} feed that chooses among them: a
 * service and a controller over it.
 */
package org.videoannotator.server.feeds;
