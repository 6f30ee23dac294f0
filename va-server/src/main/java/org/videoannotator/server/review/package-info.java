/**
 * Reviewing a label's annotations against its latest model (all, positives, negatives,
 * disagreements, flipped), and correcting them; a service and a controller over it.
 */
package org.videoannotator.server.review;
