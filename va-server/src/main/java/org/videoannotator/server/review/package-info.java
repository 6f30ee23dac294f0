/**
 * Reviewing a label's annotations (disagreements, flips, removals): a service and a controller
 * over it.
 */
package org.videoannotator.server.review;
