package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OaiRequestTest {
    private static final URI BASE = ArxivOai.DEFAULT_BASE;

    @Test
    void firstPageCarriesTheWindow() {
        var request = OaiRequest.listRecords("arXiv", "cs", LocalDate.of(2015, 1, 1), LocalDate.of(2015, 1, 3));

        assertThat(request.toUri(BASE)).hasToString("https://oaipmh.arxiv.org/oai?verb=ListRecords"
                + "&metadataPrefix=arXiv&set=cs&from=2015-01-01&until=2015-01-03");
    }

    @Test
    void resumingCarriesOnlyTheEncodedToken() {
        assertThat(OaiRequest.resume("ListRecords", "726959|1001").toUri(BASE))
                .hasToString("https://oaipmh.arxiv.org/oai?verb=ListRecords&resumptionToken=726959%7C1001");
    }

    @Test
    void setsWithColonsAndGetRecord() {
        assertThat(OaiRequest.listRecords("arXivRaw", "physics:hep-th", null, null).toUri(BASE))
                .hasToString("https://oaipmh.arxiv.org/oai?verb=ListRecords&metadataPrefix=arXivRaw&set=physics%3Ahep-th");
        assertThat(OaiRequest.getRecord("arXiv", "oai:arXiv.org:1412.8544").toUri(BASE))
                .hasToString("https://oaipmh.arxiv.org/oai?verb=GetRecord&identifier=oai%3AarXiv.org%3A1412.8544"
                        + "&metadataPrefix=arXiv");
    }

    @Test
    void rejectsWhatTheProtocolForbids() {
        assertThatThrownBy(() -> new OaiRequest("ListRecords", "arXiv", null, null, null, null, "t"))
                .hasMessageContaining("only the token");
        assertThatThrownBy(() -> OaiRequest.listRecords(null, null, null, null))
                .hasMessageContaining("metadataPrefix");
        assertThatThrownBy(() -> OaiRequest.listRecords("arXiv", null, LocalDate.of(2015, 2, 1), LocalDate.of(2015, 1, 1)))
                .hasMessageContaining("after until");
    }
}
