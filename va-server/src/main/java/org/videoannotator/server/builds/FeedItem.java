package org.videoannotator.server.builds;

/** One clip of a feed with the model's probability for it. */
public record FeedItem(String key, float score) {}
