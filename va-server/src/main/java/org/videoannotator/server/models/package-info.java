/** A label's model versions and scoring clips with them: a service and a controller over it. */
package org.videoannotator.server.models;
