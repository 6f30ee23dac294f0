/**
 * Ingest: videos to clips. Decodes each video, cuts it into shots, samples frames, embeds them and
 * commits each video's clips to the corpus in one step, so an interrupted ingest resumes.
 */
package org.videoannotator.embed.ingest;
