/** Markdown/CSV tables and XChart plots of replay results, with the paper's label groups. */
package org.videoannotator.experiments.report;
