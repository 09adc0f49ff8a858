/**
 * The join link as a QR code (RO7), drawn with ZXing's encoder (ADR 0018). Only this package knows
 * ZXing (LayeringTest): the rest of the server asks for an SVG document and gets a string. Pure:
 * text in, SVG out, no network, so it is tested by decoding what it draws.
 */
package io.atelier.adapter.qr;
