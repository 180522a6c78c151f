package org.cryoprotect.molecule.service;

/** A create that may instead have found what already existed (then {@code isNew} is false). */
public record Created<T>(T value, boolean isNew) {
}
