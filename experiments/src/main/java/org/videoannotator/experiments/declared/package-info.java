/**
 * Declared replays: YAML files with a data set (folder or generator spec), settings and expected
 * figures with tolerances, and their verification.
 */
package org.videoannotator.experiments.declared;
