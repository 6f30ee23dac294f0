/**
 * {@code va bench loop}: does the loop help? A simulated {@code Expert} drives a real server
 * through each {@code Policy}, scored against a truth file on a hold-out; results as JSON, Markdown
 * and plots.
 */
package org.videoannotator.bench.loop;
