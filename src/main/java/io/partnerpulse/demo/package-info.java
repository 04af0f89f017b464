/**
 * Deterministic demo and benchmark data: generated from a seed, loaded with PostgreSQL COPY.
 */
package io.partnerpulse.demo;
