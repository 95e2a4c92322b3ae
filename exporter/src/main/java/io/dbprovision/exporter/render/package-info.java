/**
 * Rendering what receivers send: the template engine behind {@link
 * io.dbprovision.exporter.pipeline.PayloadRenderer} and {@link
 * io.dbprovision.exporter.config.TemplateSyntax}.
 *
 * <p>Decisions: every template of a receiver is parsed once, when its configuration is first seen
 * (at load and at each reload), and the parsed form is cached by the receiver's configuration
 * value, so a reload that keeps a receiver unchanged reuses it. A template that fails while
 * rendering never loses the notification: the field falls back to a plain one-line description of
 * the event, the failure is counted, and logged once per receiver and field (the log names the
 * template and position, never the data or the template text, which may hold a credential).
 *
 * <p>Payload shapes (plain Java data, see {@link io.dbprovision.exporter.render.Payloads}).
 */
package io.dbprovision.exporter.render;
