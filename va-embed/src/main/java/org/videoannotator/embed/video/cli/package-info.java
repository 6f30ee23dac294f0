/** {@code va shots}: the shot boundaries of videos, as a table or JSON. */
package org.videoannotator.embed.video.cli;
