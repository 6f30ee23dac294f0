/**
 * The media a clip shows in the UI: thumbnails and short previews written beside the corpus ({@code
 * MediaFiles}).
 */
package org.videoannotator.embed.media;
