package org.videoannotator.server.store;

/** How often a feed was served, answered from, and answered against the model's prediction. */
public record FeedReward(String feed, long shown, long answered, long disagreed) {}
