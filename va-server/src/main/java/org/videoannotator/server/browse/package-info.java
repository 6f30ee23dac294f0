/**
 * Browsing a label's clips: a service and a controller over it.
 */
package org.videoannotator.server.browse;
