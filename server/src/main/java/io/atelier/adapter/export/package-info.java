/**
 * Results leaving the tool (EX1) and coming back (EX2): a workshop's content as Markdown to paste
 * into a knowledge base, as CSV for a spreadsheet, and as a complete, versioned JSON document that
 * an import turns back into a workshop. Everything here is pure (content in, bytes out, and back),
 * so each format is tested without a network; the HTTP routes only choose and send.
 */
package io.atelier.adapter.export;
