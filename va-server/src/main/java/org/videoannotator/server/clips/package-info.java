/** Clips and their media over HTTP: lookup by key, thumbnails, previews and byte ranges. */
package org.videoannotator.server.clips;
