package org.cryoprotect.common.toxicity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Controlled vocabularies for the species and routes sources write in many ways, and exposure
 * durations in hours. Unknown words map to nothing: the reported words are always kept beside the
 * controlled term, so a missing mapping loses no information and can be added later.
 *
 * <p>Species are the tested organism at the level researchers compare: "quail" covers Japanese and
 * bobwhite quail and "monkey" all macaques, as ranking tables do; fish and invertebrate test species
 * stay distinct because ecotoxicity guidelines name them. A text naming two different species or
 * routes ("rats and mice") maps to none.
 */
public final class ToxicityVocabulary {

    static final Terms SPECIES = new Terms()
            .add("rat", "Rattus norvegicus", "Rattus", "albino rat", "Sprague-Dawley rat", "Wistar rat")
            .add("mouse", "mice", "Mus musculus", "albino mouse")
            .add("rabbit", "Oryctolagus cuniculus", "New Zealand white rabbit")
            .add("guinea pig", "guinea-pig", "Cavia porcellus")
            .add("dog", "Canis familiaris", "Canis lupus familiaris", "beagle", "beagle dog")
            .add("cat", "Felis catus", "Felis domesticus")
            .add("hamster", "Mesocricetus auratus", "Syrian hamster", "golden hamster", "Chinese hamster",
                    "Cricetulus griseus")
            .add("monkey", "Macaca mulatta", "Macaca fascicularis", "rhesus monkey", "cynomolgus monkey",
                    "macaque")
            .add("human", "Homo sapiens", "man", "men", "woman", "women", "child", "children", "infant")
            .add("gerbil", "Meriones unguiculatus", "Mongolian gerbil")
            .add("ferret", "Mustela putorius furo")
            .add("pig", "swine", "minipig", "Sus scrofa")
            .add("cattle", "cow", "Bos taurus")
            .add("sheep", "Ovis aries")
            .add("goat", "Capra hircus")
            .add("horse", "Equus caballus")
            .add("chicken", "hen", "chick", "Gallus gallus", "Gallus domesticus", "Gallus gallus domesticus")
            .add("quail", "Japanese quail", "Coturnix japonica", "Coturnix coturnix japonica", "Coturnix coturnix",
                    "bobwhite quail", "northern bobwhite", "bobwhite", "Colinus virginianus")
            .add("mallard", "mallard duck", "Anas platyrhynchos")
            .add("duck")
            .add("pheasant", "ring-necked pheasant", "Phasianus colchicus")
            .add("pigeon", "rock dove", "Columba livia")
            .add("house sparrow", "sparrow", "Passer domesticus")
            .add("starling", "European starling", "Sturnus vulgaris")
            .add("red-winged blackbird", "redwing blackbird", "red winged blackbird", "Agelaius phoeniceus")
            .add("fathead minnow", "Pimephales promelas")
            .add("rainbow trout", "Oncorhynchus mykiss", "Salmo gairdneri", "trout, rainbow")
            .add("brown trout", "Salmo trutta")
            .add("coho salmon", "Oncorhynchus kisutch")
            .add("atlantic salmon", "Salmo salar")
            .add("bluegill", "bluegill sunfish", "Lepomis macrochirus")
            .add("zebrafish", "zebra fish", "Danio rerio", "Brachydanio rerio", "zebra danio")
            .add("goldfish", "Carassius auratus")
            .add("carp", "common carp", "Cyprinus carpio")
            .add("channel catfish", "Ictalurus punctatus")
            .add("medaka", "Japanese medaka", "Oryzias latipes")
            .add("golden orfe", "Leuciscus idus", "Leuciscus idus melanotus")
            .add("guppy", "Poecilia reticulata", "Lebistes reticulatus")
            .add("mosquitofish", "mosquito fish", "Gambusia affinis")
            .add("sheepshead minnow", "Cyprinodon variegatus")
            .add("daphnia magna", "Daphnia magna Straus")
            .add("daphnia pulex")
            .add("ceriodaphnia dubia")
            .add("mysid shrimp", "mysid", "Americamysis bahia", "Mysidopsis bahia")
            .add("raphidocelis subcapitata", "Pseudokirchneriella subcapitata", "Selenastrum capricornutum")
            .add("vibrio fischeri", "Aliivibrio fischeri", "Photobacterium phosphoreum")
            .add("tetrahymena pyriformis")
            .add("earthworm", "Eisenia fetida", "Eisenia foetida")
            .add("honey bee", "honeybee", "Apis mellifera");

    static final Terms ROUTES = new Terms()
            .add("oral", "orally", "orl", "po", "per os", "gavage", "by gavage", "oral gavage", "intragastric",
                    "ig", "gastric intubation", "dietary", "in diet", "in the diet", "drinking water")
            .add("intraperitoneal", "intraperitoneally", "ip", "ipr", "intraperitoneal injection")
            .add("intravenous", "intravenously", "iv", "ivn", "intravenous injection")
            .add("subcutaneous", "subcutaneously", "sc", "scu", "sq", "subq", "subcutaneous injection")
            .add("intramuscular", "intramuscularly", "im", "ims", "intramuscular injection")
            .add("dermal", "dermally", "skin", "skn", "percutaneous", "cutaneous", "topical", "dermal application")
            .add("inhalation", "ihl", "inhaled", "inhal", "by inhalation", "inhalative")
            .add("ocular", "eye", "eyes", "conjunctival", "ocu")
            .add("intratracheal", "itr")
            .add("rectal", "rectally", "rec")
            .add("aquatic", "waterborne");

    /** Route words that say the route is unknown: recognised as route words, mapped to nothing. */
    static final Terms UNKNOWN_ROUTES = new Terms()
            .add("unknown", "unr", "unk", "unreported", "route not reported", "route unknown", "not reported");

    private static final Pattern DURATION = Pattern.compile(
            "(?i)^(\\d+(?:\\.\\d+)?)\\s*-?\\s*(h|hr|hrs|hour|hours|d|day|days|min|mins|minute|minutes"
            + "|wk|wks|week|weeks)\\.?$");

    private ToxicityVocabulary() {
    }

    /** The canonical spelling of an endpoint name ("ld 50" -> "LD50", "ldlo" -> "LDLo"). */
    public static String endpoint(String reported) {
        return Endpoint.canonical(reported);
    }

    /** The canonical relation ("=", "<", ">", "<=", ">=", "~") of one as written ("'>='", "ca."), or empty. */
    public static Optional<String> relation(String written) {
        try {
            return Optional.of(Relations.canonical(written));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The controlled species ("rat", "fathead minnow", ...; Latin names map to the same term), or empty. */
    public static Optional<String> species(String reported) {
        return Optional.ofNullable(SPECIES.single(reported));
    }

    /** The controlled route ("oral", "intraperitoneal", "dermal", ...) from words or abbreviations, or empty. */
    public static Optional<String> route(String reported) {
        return Optional.ofNullable(ROUTES.single(reported));
    }

    /** Exposure in hours from "96 hr", "48 h", "24 hours", "7 days", "4-hr", "4H", "30 min", or empty. */
    public static Optional<Double> exposureHours(String reported) {
        if (reported == null) {
            return Optional.empty();
        }
        Matcher m = DURATION.matcher(reported.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        return Optional.of(amount * hoursPer(unit));
    }

    private static double hoursPer(String unit) {
        if (unit.startsWith("h")) {
            return 1;
        }
        if (unit.startsWith("d")) {
            return 24;
        }
        if (unit.startsWith("w")) {
            return 168;
        }
        return 1.0 / 60;
    }
}
