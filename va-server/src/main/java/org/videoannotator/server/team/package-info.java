/**
 * Teams working on one label: how well the annotators agree ({@link
 * org.videoannotator.server.team.AgreementStatistics}, pure and HTTP-free; {@link
 * org.videoannotator.server.team.AgreementReport} applies it to a label's votes) and adjudication
 * of the clips whose votes disagree ({@link org.videoannotator.server.team.AdjudicationService}).
 * Settlements themselves are events of the annotation log (store's {@code Settlement}).
 */
package org.videoannotator.server.team;
