package org.videoannotator.datasets;

/**
 * The hidden truth the generator builds one label from, written to {@code generator.json} so
 * experiments can be read against it.
 *
 * @param positiveRate share of all shots whose latent score exceeds the label's threshold
 * @param zeroShot how well the label name's text embedding finds the concept (by label group)
 * @param textAlignment cosine between the text embedding and the label's true direction
 * @param queryAlignment cosine between the expert's search query and the true direction
 * @param annotatorNoise std of each annotator's noise on the latent score (agreement falls as it
 *     grows)
 * @param aggTarget size of the simulated VA session, i.e. of {@code agg/{label}.json}
 */
public record LabelSpec(
    String name,
    double positiveRate,
    String zeroShot,
    double textAlignment,
    double queryAlignment,
    double annotatorNoise,
    int aggTarget) {}
