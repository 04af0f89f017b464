/**
 * CSV import from the CRM a user comes from: a file is read as a stream, every row converted and
 * checked against the column mapping, the good rows copied with PostgreSQL {@code COPY} into a
 * staging table, and then written into the domain tables with set-based SQL in one transaction.
 * Like the demo loader, it writes into the tables of several modules directly: an import is a bulk
 * operation on the shared schema, and the database's constraints still check every row.
 */
package io.partnerpulse.imports;
