/**
 * Feeds as strategies: each {@code FeedStrategy} picks clips to label from a build's scores; {@code
 * FeedRegistry} lists them in filling order and says which the UI recommends.
 */
package org.videoannotator.learn.feeds;
