/**
 * Labels: create, change, delete, ontology import, and the lookup every feature uses; what labels
 * need of builds ({@code LabelBuilds}) without depending on them.
 */
package org.videoannotator.server.labels;
