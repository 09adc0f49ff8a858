/**
 * The durable journal over plain JDBC, on SQLite (embedded, one file) or PostgreSQL (shared by a
 * cluster). Its rule: a write's stage completes only after the transaction holding it is committed
 * (one writer thread commits every queued write in one transaction, a group commit), and a read
 * never turns a failure into an empty workshop: a row it cannot decode is reported as corrupt,
 * naming the workshop and the row. What is stored is the format of {@link
 * io.atelier.adapter.jdbc.JournalCodec}, versioned per document, under a schema whose version is
 * recorded in the database and migrated in order at start-up. Uploaded images live in the same
 * database, as raw bytes, written by the same writer ({@link
 * io.atelier.adapter.jdbc.JdbcWorkshopJournal#images}).
 */
package io.atelier.adapter.jdbc;
