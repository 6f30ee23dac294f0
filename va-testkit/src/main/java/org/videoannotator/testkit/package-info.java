/**
 * What tests and benchmarks share: seeded synthetic corpora with a known concept, and a JSON HTTP
 * client for a real server. Never on va.jar's class path.
 */
package org.videoannotator.testkit;
