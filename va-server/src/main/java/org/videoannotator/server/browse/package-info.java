/**
 * Browsing any corpus, captions or not: every clip, video by video in timeline order, filtered by
 * file name, duration and "not labelled yet"; a service and a controller over it.
 */
package org.videoannotator.server.browse;
