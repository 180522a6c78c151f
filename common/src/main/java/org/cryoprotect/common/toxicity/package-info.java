/**
 * Toxicity measurements as sources publish them (issue 11, contract section A): pure Java, no CDI, no I/O.
 *
 * <ul>
 * <li>{@link org.cryoprotect.common.toxicity.ToxicityText} reads one measurement from free text and keeps
 * the words as written. It does not invent values: a range ("5.6-8.0 g/kg") is unparsed, not its midpoint;
 * so is a text with several values, endpoints, species, routes or exposures, a dose "as acid equivalent",
 * and prose without an endpoint or a unit. The reason says which.</li>
 * <li>{@link org.cryoprotect.common.toxicity.ToxicityVocabulary} maps reported species and routes to
 * controlled terms and exposures to hours; unknown words map to nothing.</li>
 * <li>{@link org.cryoprotect.common.toxicity.ToxicityUnits} normalizes doses to mg/kg and concentrations
 * to µM, or refuses with the reason.</li>
 * </ul>
 * The corpus {@code common/src/test/resources/toxicity/corpus.tsv} shows the expected reading of each style.
 */
package org.cryoprotect.common.toxicity;
