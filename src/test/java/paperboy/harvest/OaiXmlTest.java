package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import paperboy.paper.ArxivId;
import paperboy.paper.CleanText;
import paperboy.paper.Paper;

class OaiXmlTest {
    private static final String REQUEST = "GET http://fake/oai?verb=ListRecords";

    private static OaiAnswer parse(String fixture) throws Exception {
        return OaiXml.parse(Fixtures.bytes(fixture), REQUEST);
    }

    @Test
    void getRecordInTheArxivFormatGivesEveryField() throws Exception {
        var page = (OaiAnswer.Page) parse(Fixtures.OAI_GET_RECORD);

        assertThat(page.records()).hasSize(1);
        var record = (OaiRecord.Live) page.records().getFirst();
        assertThat(record.id()).isEqualTo(new ArxivId("1412.8544"));
        assertThat(record.datestamp()).isEqualTo(LocalDate.of(2015, 1, 3));
        assertThat(record.setSpecs()).containsExactly("cs");
        Paper p = record.paper();
        assertThat(p.id()).isEqualTo(new ArxivId("1412.8544"));
        assertThat(p.title()).isEqualTo("A Kochen-Specker system has at least 22 vectors (extended abstract)");
        assertThat(p.summary()).startsWith("At the heart of the Conway-Kochen Free Will theorem and Kochen and")
                .endsWith("embeddability to improve the lower bound to 22.")
                .doesNotContain("\n").doesNotContain("  ");
        assertThat(p.authors()).containsExactly("Sander Uijlen", "Bas Westerbaan");
        assertThat(p.categories()).containsExactly("cs.DM");
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2014-12-29T00:00:00Z"));
        assertThat(p.updatedAt()).isEqualTo(p.publishedAt());
        assertThat(p.version()).isZero(); // the arXiv format does not say
        assertThat(p.bibliography()).isEqualTo(new Paper.Bibliography(
                "10.4204/EPTCS.172.11", "EPTCS 172, 2014, pp. 154-164",
                "In Proceedings QPL 2014, arXiv:1412.8102",
                "http://arxiv.org/licenses/nonexclusive-distrib/1.0/"));
        assertThat(page.resumption().isComplete()).isTrue();
    }

    @Test
    void listRecordsInArxivRawGivesVersionsAndTheResumptionToken() throws Exception {
        var page = (OaiAnswer.Page) parse(Fixtures.OAI_RAW_PAGE_WITH_TOKEN);

        assertThat(page.records()).extracting(r -> r.id().value())
                .containsExactly("0704.0471", "0704.0716", "0704.0874", "0704.1109", "0704.1114", "0704.1586");
        assertThat(page.resumption()).isEqualTo(new ResumptionToken("726959|1001", 58011L, 0L));
        assertThat(page.resumption().isComplete()).isFalse();

        var first = (OaiRecord.Live) page.records().get(0);
        assertThat(first.paper().authors()).containsExactly("D.V. Shetty", "S.J. Yennello", "G.A. Souliotis");
        assertThat(first.paper().categories()).containsExactly("nucl-ex", "nucl-th");
        assertThat(first.paper().bibliography().doi())
                .isEqualTo("10.1103/PhysRevC.76.024606 10.1103/PhysRevC.76.039902");
        assertThat(first.paper().title()).isEqualTo("Density dependence of the symmetry energy and the nuclear"
                + " equation of state: A Dynamical and Statistical model perspective");
        assertThat(first.paper().summary()).contains("extremely \" stiff \" and \" soft \"");

        var fourVersions = (OaiRecord.Live) page.records().get(1);
        assertThat(fourVersions.versions()).extracting(OaiRecord.Version::number).containsExactly(1, 2, 3, 4);
        assertThat(fourVersions.versions().getFirst().size()).isEqualTo("43kb");
        assertThat(fourVersions.paper().version()).isEqualTo(4);
        assertThat(fourVersions.paper().publishedAt()).isEqualTo(Instant.parse("2007-04-05T12:45:03Z"));
        assertThat(fourVersions.paper().updatedAt()).isEqualTo(Instant.parse("2008-11-14T09:07:25Z"));
        assertThat(fourVersions.paper().categories()).containsExactly("math-ph", "math.MP");
        assertThat(fourVersions.datestamp()).isEqualTo(LocalDate.of(2014, 12, 22));
        assertThat(fourVersions.setSpecs()).containsExactly("math", "physics:math-ph");
    }

    @Test
    void getRecordInArxivRawSplitsTheAuthorString() throws Exception {
        var page = (OaiAnswer.Page) parse(Fixtures.OAI_RAW_GET_RECORD);

        Paper p = ((OaiRecord.Live) page.records().getFirst()).paper();
        assertThat(p.id()).isEqualTo(new ArxivId("1302.2146"));
        assertThat(p.authors()).containsExactly("Joshua Berger", "Maxim Perelstein", "Michael Saelim", "Philip Tanedo");
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2013-02-08T21:00:01Z"));
        assertThat(p.updatedAt()).isEqualTo(Instant.parse("2013-04-02T01:50:08Z"));
        assertThat(p.bibliography().comments()).isEqualTo("18 pages, 6 figures; v2: References added");
    }

    @Test
    void aLastPageHasNoTokenAndKeepsOldStyleIds() throws Exception {
        var page = (OaiAnswer.Page) parse(Fixtures.OAI_LAST_PAGE);

        assertThat(page.records()).extracting(r -> r.id().value()).containsExactly("1412.8544", "hep-th/9504118");
        assertThat(page.resumption()).isEqualTo(ResumptionToken.COMPLETE);
        Paper old = ((OaiRecord.Live) page.records().get(1)).paper();
        assertThat(old.authors()).containsExactly("M. Requardt");
        assertThat(old.bibliography().doi()).isNull();
        assertThat(old.bibliography().license()).isNull();
    }

    @Test
    void eachOaiErrorBecomesItsOwnCase() throws Exception {
        assertThat(parse(Fixtures.NO_RECORDS_MATCH)).isEqualTo(new OaiAnswer.NoRecordsMatch(
                "Set argument doesn't match any sets. The setSpec was 'moo'"));
        assertThat(parse(Fixtures.BAD_RESUMPTION_TOKEN)).isEqualTo(new OaiAnswer.BadResumptionToken(
                "The resumptionToken supplied is illegal for this repository"));
        assertThat(parse(Fixtures.ID_DOES_NOT_EXIST)).isInstanceOf(OaiAnswer.IdDoesNotExist.class);
        assertThat(parse(Fixtures.BAD_ARGUMENT)).isEqualTo(new OaiAnswer.BadArgument(
                "Verb 'ListRecords', illegal argument 'identifier'."));
        assertThat(parse(Fixtures.BAD_VERB)).isEqualTo(new OaiAnswer.BadVerb("Bad verb. Verb 'wah' not implemented."));
    }

    @Test
    void deletedRecordsAndAnEmptyTokenElement() throws Exception {
        // Constructed (no recorded arXiv page has a deleted record): the OAI-PMH 2.0 shapes.
        String xml = """
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
                <record><header status="deleted"><identifier>oai:arXiv.org:hep-th/9901001</identifier>
                <datestamp>2024-03-01</datestamp></header></record>
                <resumptionToken cursor="1000" completeListSize="1001"/>
                </ListRecords></OAI-PMH>""";

        var page = (OaiAnswer.Page) OaiXml.parse(xml.getBytes(StandardCharsets.UTF_8), REQUEST);

        assertThat(page.records()).containsExactly(
                new OaiRecord.Deleted(new ArxivId("hep-th/9901001"), LocalDate.of(2024, 3, 1)));
        assertThat(page.resumption().isComplete()).isTrue();
        assertThat(page.resumption().completeListSize()).isEqualTo(1001L);
    }

    @Test
    void aTruncatedPageIsAnErrorNamingTheRequest() {
        byte[] whole = Fixtures.bytes(Fixtures.OAI_RAW_PAGE_WITH_TOKEN);
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> OaiXml.parse(half, REQUEST))
                .isInstanceOf(ArxivResponseException.class)
                .hasMessageStartingWith("malformed XML in the answer to " + REQUEST);
    }

    @Test
    void anHtmlPageIsNotMistakenForAnswer() {
        byte[] html = Fixtures.bytes(Fixtures.OAI_503_BODY);

        assertThatThrownBy(() -> OaiXml.parse(html, REQUEST))
                .isInstanceOf(ArxivResponseException.class)
                .hasMessageContaining("not an OAI-PMH response");
    }

    @Test
    void externalEntitiesAreRefused() {
        String xxe = """
                <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><error code="badVerb">&x;</error></OAI-PMH>""";

        assertThatThrownBy(() -> OaiXml.parse(xxe.getBytes(StandardCharsets.UTF_8), REQUEST))
                .isInstanceOf(ArxivResponseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void aPageCutOffAfterItsRecordsIsStillMalformed() {
        String whole = new String(Fixtures.bytes(Fixtures.OAI_LAST_PAGE), StandardCharsets.UTF_8);
        byte[] cut = whole.substring(0, whole.indexOf("</OAI-PMH>")).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OaiXml.parse(cut, REQUEST))
                .isInstanceOf(ArxivResponseException.class)
                .hasMessageStartingWith("malformed XML in the answer to " + REQUEST);
    }

    @Test
    void textSplitByEntitiesCdataAndNestedElementsIsReadWhole() throws Exception {
        var page = (OaiAnswer.Page) OaiXml.parse(arxivRecord(
                "Fast &amp; <![CDATA[<Robust>]]> PCA <i>for</i>\n  graphs", "Jos&#233; Mar\u00eda"), REQUEST);

        Paper p = ((OaiRecord.Live) page.records().getFirst()).paper();
        assertThat(p.title()).isEqualTo("Fast & <Robust> PCA for graphs");
        assertThat(p.authors()).containsExactly("José María");
    }

    @Test
    void anEntityDeclaredInADoctypeIsRefused() {
        String laughs = """
                <?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><error code="badVerb">&b;</error></OAI-PMH>""";

        assertThatThrownBy(() -> OaiXml.parse(laughs.getBytes(StandardCharsets.UTF_8), REQUEST))
                .isInstanceOf(ArxivResponseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Property(tries = 300)
    void anyTitleIsReadBackOnOneLine(@ForAll @StringLength(min = 1, max = 80) String title) throws Exception {
        Assume.that(!CleanText.oneLine(xmlChars(title)).isEmpty());
        String clean = xmlChars(title);

        var page = (OaiAnswer.Page) OaiXml.parse(arxivRecord(escape(clean), "Ada Lovelace"), REQUEST);

        assertThat(((OaiRecord.Live) page.records().getFirst()).paper().title()).isEqualTo(CleanText.oneLine(clean));
    }

    /** A ListRecords page with one arXiv-format record; title and author are inserted as XML. */
    private static byte[] arxivRecord(String titleXml, String forenamesXml) {
        return ("""
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record>
                <header><identifier>oai:arXiv.org:2501.00001</identifier><datestamp>2025-01-02</datestamp></header>
                <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2501.00001</id><created>2025-01-01</created>
                <authors><author><forenames>%s</forenames></author></authors>
                <title>%s</title></arXiv></metadata></record></ListRecords></OAI-PMH>""")
                .formatted(forenamesXml, titleXml).getBytes(StandardCharsets.UTF_8);
    }

    /** The characters XML 1.0 allows, others dropped (a generated string may hold any char). */
    private static String xmlChars(String s) {
        return s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String escape(String s) {
        // \r would be normalised to \n by any XML parser; as a character reference it survives.
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;");
    }
}
