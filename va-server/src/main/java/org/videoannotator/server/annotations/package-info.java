/**
 * Annotations: recording votes (yes, no, unsure) and their history; a service and a controller over
 * it.
 */
package org.videoannotator.server.annotations;
