/**
 * Canvas templates as the browser and the server both read them: one JSON file per template under
 * {@code webroot/templates/}, served to browsers as is and mapped here to the domain's {@link
 * io.atelier.domain.CanvasTemplate} (geometry and pillars) plus its texts in French and English.
 */
package io.atelier.adapter.templates;
