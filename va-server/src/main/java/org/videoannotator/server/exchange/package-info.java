/**
 * Export and import of annotations (CSV, Labelbox, the VA layout): a service and a controller over
 * it.
 */
package org.videoannotator.server.exchange;
