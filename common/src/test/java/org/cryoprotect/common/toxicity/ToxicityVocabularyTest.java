package org.cryoprotect.common.toxicity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Species, routes and exposure durations as sources write them, and what maps to nothing. */
class ToxicityVocabularyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Rat | rat", "rats | rat", "RAT | rat", "Rattus norvegicus | rat", "Rat (male) | rat",
            "Rat (Sprague-Dawley) | rat", "Mouse | mouse", "mice | mouse", "Mus musculus | mouse",
            "Rabbit | rabbit", "Oryctolagus cuniculus | rabbit", "Guinea pig | guinea pig",
            "guinea pigs | guinea pig", "Cavia porcellus | guinea pig", "Dog | dog", "beagle dog | dog",
            "Cat | cat", "Hamster | hamster", "Chinese hamster | hamster", "Monkey | monkey",
            "Macaca mulatta | monkey", "Human | human", "man | human", "Homo sapiens | human",
            "Chicken | chicken", "Chicks | chicken", "Japanese quail | quail", "Bobwhite quail | quail",
            "Colinus virginianus | quail", "Mallard duck | mallard", "Anas platyrhynchos | mallard",
            "Red-winged blackbird | red-winged blackbird", "Fathead minnow | fathead minnow",
            "Pimephales promelas | fathead minnow", "Fathead minnow (Pimephales promelas) | fathead minnow",
            "Oncorhynchus mykiss (Rainbow trout) | rainbow trout", "Salmo gairdneri | rainbow trout",
            "Bluegill | bluegill", "Lepomis macrochirus (Bluegill sunfish) | bluegill", "Zebra fish | zebrafish",
            "Danio rerio | zebrafish", "Daphnia magna | daphnia magna", "Daphnia magna (Water flea) | daphnia magna",
            "Ceriodaphnia dubia | ceriodaphnia dubia", "Selenastrum capricornutum | raphidocelis subcapitata",
            "Pseudokirchneriella subcapitata | raphidocelis subcapitata", "Americamysis bahia | mysid shrimp",
            "Cyprinus carpio (Common carp) | carp", "Channel catfish | channel catfish", "in rats | rat"})
    void mapsSpeciesWordsAndLatinNames(String reported, String controlled) {
        assertEquals(Optional.of(controlled), ToxicityVocabulary.species(reported));
    }

    @ParameterizedTest(name = "{0} -> none")
    @NullAndEmptySource
    @ValueSource(strings = {"Vole", "Water flea", "Lepomis gibbosus", "pirate", "catfish", "HeLa cells",
            "rats and mice", "Rat, mouse"})
    void unknownOrSeveralSpeciesMapToNothing(String reported) {
        assertEquals(Optional.empty(), ToxicityVocabulary.species(reported));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "oral | oral", "Oral | oral", "orl | oral", "p.o. | oral", "po | oral", "gavage | oral",
            "by gavage | oral", "orally | oral", "in diet | oral", "ip | intraperitoneal", "i.p. | intraperitoneal",
            "ipr | intraperitoneal", "Intraperitoneal | intraperitoneal", "iv | intravenous", "i.v. | intravenous",
            "ivn | intravenous", "sc | subcutaneous", "s.c. | subcutaneous", "scu | subcutaneous",
            "subcutaneous | subcutaneous", "im | intramuscular", "ims | intramuscular", "skin | dermal",
            "skn | dermal", "dermal | dermal", "percutaneous | dermal", "inhalation | inhalation",
            "ihl | inhalation", "eye | ocular", "ocular | ocular", "itr | intratracheal", "aquatic | aquatic"})
    void mapsRouteWordsAndAbbreviations(String reported, String controlled) {
        assertEquals(Optional.of(controlled), ToxicityVocabulary.route(reported));
    }

    @ParameterizedTest(name = "{0} -> none")
    @NullAndEmptySource
    @ValueSource(strings = {"unr", "parenteral", "oral or dermal", "static", "freshwater"})
    void unknownOrSeveralRoutesMapToNothing(String reported) {
        assertEquals(Optional.empty(), ToxicityVocabulary.route(reported));
    }

    @ParameterizedTest(name = "{0} -> {1} h")
    @CsvSource(delimiter = '|', value = {
            "96 hr | 96", "48 h | 48", "24 hours | 24", "1 hour | 1", "7 days | 168", "1 day | 24", "90 d | 2160",
            "4-hr | 4", "96-h | 96", "4H | 4", "14D | 336", "30 min | 0.5", "15 minutes | 0.25", "2 wk | 336",
            "3 weeks | 504", "0.5 hr | 0.5", "96 HR | 96"})
    void readsExposureDurationsInHours(String reported, double hours) {
        assertEquals(hours, ToxicityVocabulary.exposureHours(reported).orElseThrow(), 1e-9);
    }

    @ParameterizedTest(name = "{0} -> none")
    @NullAndEmptySource
    @ValueSource(strings = {"overnight", "96", "hr", "4 years", "96 hr 48 hr", "about 4 hr"})
    void unreadableDurationsAreEmpty(String reported) {
        assertEquals(Optional.empty(), ToxicityVocabulary.exposureHours(reported));
    }

    @Test
    void latinAndCommonNameInOneTextAreOneSpecies() {
        assertEquals(Optional.of("fathead minnow"),
                ToxicityVocabulary.species("Pimephales promelas (Fathead minnow) age 30 days"));
    }
}
