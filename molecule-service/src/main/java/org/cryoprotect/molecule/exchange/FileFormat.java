package org.cryoprotect.molecule.exchange;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The exchange formats, by the media types that name them. */
public enum FileFormat {

    SDF("sdf", "chemical/x-mdl-sdfile"),
    SMILES("smi", "chemical/x-daylight-smiles"),
    CSV("csv", "text/csv");

    public static final String SDF_TYPE = "chemical/x-mdl-sdfile";
    public static final String SMILES_TYPE = "chemical/x-daylight-smiles";
    public static final String CSV_TYPE = "text/csv";

    private final String extension;
    private final String mediaType;

    FileFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The import format of a Content-Type (text/plain is a SMILES file). */
    public static Optional<FileFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case SDF_TYPE, "chemical/x-mdl-molfile" -> Optional.of(SDF);
            case SMILES_TYPE, "text/plain" -> Optional.of(SMILES);
            case CSV_TYPE -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }

    /**
     * The records of {@code text}, read without chemistry.
     *
     * @throws TooManyRecordsException beyond {@code maxRecords}
     * @throws IllegalArgumentException when the file as a whole cannot be read (a CSV without a smiles column)
     */
    public ParsedFile read(String text, int maxRecords) {
        return switch (this) {
            case SDF -> SdfReader.read(text, maxRecords);
            case SMILES -> new ParsedFile(SmilesFileReader.read(text, maxRecords), List.of());
            case CSV -> CsvReader.read(text, maxRecords);
        };
    }
}
