/** The project's one RFC 4180 CSV reader and writer. */
package org.videoannotator.core.csv;
