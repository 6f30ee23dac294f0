/**
 * Teams on a label: its overlap (how many annotators vote on each clip) and assignees (who works on
 * it), the rule that decides which clips still need an annotator's vote, the short leases that keep
 * two annotators working at once from being served the same clip, and the clips a teammate took
 * since a cursor (what the UI polls to drop them from open pages).
 */
package org.videoannotator.server.assign;
