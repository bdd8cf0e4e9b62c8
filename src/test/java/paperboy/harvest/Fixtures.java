package paperboy.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Recorded arXiv responses from src/test/resources/arxiv (see the README there). */
final class Fixtures {
    static final String OAI_RAW_PAGE_WITH_TOKEN = "arxiv/oai-pmh/ListRecordsResponse.xml";
    static final String OAI_RAW_GET_RECORD = "arxiv/oai-pmh/GetRecordResponse.xml";
    static final String OAI_LAST_PAGE = "arxiv/oai-pmh/recorded/ListRecords-arXiv-2015-01-01.xml";
    static final String OAI_503_BODY = "arxiv/oai-pmh/recorded/ListRecords-arXiv-2015-01-01.http503-retry-after-10.txt";
    static final String OAI_GET_RECORD = "arxiv/oai-pmh/recorded/GetRecord-arXiv-1412.8544.xml";
    static final String BAD_ARGUMENT = "arxiv/oai-pmh/ErrorResponseBadArgument.xml";
    static final String BAD_RESUMPTION_TOKEN = "arxiv/oai-pmh/ErrorResponseBadResumptionToken.xml";
    static final String BAD_VERB = "arxiv/oai-pmh/ErrorResponseBadVerb.xml";
    static final String ID_DOES_NOT_EXIST = "arxiv/oai-pmh/ErrorResponseIdDoesNotExist.xml";
    static final String NO_RECORDS_MATCH = "arxiv/oai-pmh/ErrorResponseNoRecordsMatch.xml";

    static String atom(int start) {
        return "arxiv/api-atom/deep-dream-" + start + ".atom";
    }

    private Fixtures() {}

    static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
