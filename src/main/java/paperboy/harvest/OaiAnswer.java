package paperboy.harvest;

import java.util.List;

/**
 * What an OAI-PMH repository answered: a page of records, or one of the protocol's error codes.
 * Errors are answers, not exceptions, because the harvest acts on some of them (noRecordsMatch is
 * an empty harvest, badResumptionToken restarts the window).
 */
public sealed interface OaiAnswer {

    /** A page of records; {@code resumption} says whether more pages follow. */
    record Page(List<OaiRecord> records, ResumptionToken resumption) implements OaiAnswer {
        public Page {
            records = List.copyOf(records);
        }
    }

    /** The window or set holds no records: a successful, empty harvest. */
    record NoRecordsMatch(String message) implements OaiAnswer {}

    /** The token expired or is unknown: restart the list without it. */
    record BadResumptionToken(String message) implements OaiAnswer {}

    record IdDoesNotExist(String message) implements OaiAnswer {}

    record BadArgument(String message) implements OaiAnswer {}

    record BadVerb(String message) implements OaiAnswer {}

    /** Any other error code (cannotDisseminateFormat, noSetHierarchy, ...). */
    record OtherError(String code, String message) implements OaiAnswer {}

    static OaiAnswer error(String code, String message) {
        return switch (code) {
            case "noRecordsMatch" -> new NoRecordsMatch(message);
            case "badResumptionToken" -> new BadResumptionToken(message);
            case "idDoesNotExist" -> new IdDoesNotExist(message);
            case "badArgument" -> new BadArgument(message);
            case "badVerb" -> new BadVerb(message);
            default -> new OtherError(code, message);
        };
    }
}
