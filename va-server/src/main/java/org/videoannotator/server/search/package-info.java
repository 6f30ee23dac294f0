/** Search over HTTP: text and more-like-these queries answered by the corpus. */
package org.videoannotator.server.search;
