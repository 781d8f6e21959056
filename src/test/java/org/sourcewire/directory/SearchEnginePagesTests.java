package org.sourcewire.directory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.shared.SiteUrls;
import org.sourcewire.sources.DirectoryListing;
import org.sourcewire.sources.ProfileView;
import org.sourcewire.sources.SourceManagement;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** What search engines and assistants read: robots.txt, the sitemap, and each public page's meta tags. */
class SearchEnginePagesTests extends IntegrationTest {

    static final String BASE = "http://localhost:8080";

    @Autowired
    AccountManagement accountManagement;

    @Autowired
    SourceManagement sourceManagement;

    @Autowired
    DirectoryListing listing;

    @Autowired
    SiteUrls urls;

    @Test
    void robotsTxtIsPublicValidAndNamesTheSitemap() throws Exception {
        MvcTestResult result = mvc.get().uri("/robots.txt").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("text/plain");
        String robots = result.getResponse().getContentAsString();
        assertThat(robots).startsWith("User-agent: *\n").contains("\nSitemap: " + BASE + "/sitemap.xml\n");
        // Every line is a comment, blank, or a directive Lighthouse and Google know.
        for (String line : robots.split("\n")) {
            assertThat(line).matches("|#.*|(User-agent|Allow|Disallow|Sitemap): \\S.*");
        }
    }

    @Test
    void theSitemapListsListedExpertsOnly() throws Exception {
        ProfileView listed = expert("Sita Listed", true);
        ProfileView unlisted = expert("Ulli Unlisted", false);

        MvcTestResult result = mvc.get().uri("/sitemap.xml").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("application/xml");
        org.w3c.dom.Document xml = parse(result.getResponse().getContentAsByteArray());
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("urlset");
        List<String> locations = texts(xml.getElementsByTagNameNS("*", "loc"));
        assertThat(locations).contains(BASE + listed.publicPath()).doesNotContain(BASE + unlisted.publicPath());
        assertThat(texts(xml.getElementsByTagNameNS("*", "lastmod"))).allMatch(date -> date.matches("\\d{4}-\\d\\d-\\d\\d"));
    }

    @Test
    void moreExpertsThanOneSitemapHoldsMakeASitemapIndex() throws Exception {
        expert("Ida Index", true);
        expert("Ivo Index", true);
        expert("Ines Index", true);
        SitemapController small = new SitemapController(jdbc, urls, new DirectoryProperties(20, 50, 2, 2000));
        long listedNow = jdbc.sql("select count(*) from listed_expert").query(Long.class).single();

        org.w3c.dom.Document index = parse(small.sitemap(null).getBody().getBytes(StandardCharsets.UTF_8));
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        List<String> parts = texts(index.getElementsByTagNameNS("*", "loc"));
        assertThat(parts).hasSize((int) ((listedNow + 1) / 2)).first().isEqualTo(BASE + "/sitemap.xml?page=1");
        org.w3c.dom.Document last = parse(small.sitemap(String.valueOf(parts.size())).getBody().getBytes(StandardCharsets.UTF_8));
        assertThat(last.getElementsByTagNameNS("*", "url").getLength()).isBetween(1, 2);
        assertThat(small.sitemap("abc").getStatusCode().value()).isEqualTo(404);
        assertThat(small.sitemap("999999").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void everyPublicPageHasADescriptionACanonicalAddressAndOpenGraphTags() throws Exception {
        ProfileView expert = expert("Olga Graph", true);
        for (String path : List.of("/", "/login", "/signup", "/transparency", expert.publicPath())) {
            Document page = page(path);
            assertThat(page.select("meta[name=description]")).as(path).hasSize(1);
            assertThat(page.select("meta[name=description]").attr("content")).as(path).isNotBlank();
            assertThat(page.select("link[rel=canonical]").attr("href")).as(path).isEqualTo(BASE + path);
            assertThat(page.select("meta[property=og:url]").attr("content")).as(path).isEqualTo(BASE + path);
            assertThat(page.select("meta[property=og:title]").attr("content")).as(path).isNotBlank();
            assertThat(page.select("meta[property=og:description]").attr("content")).as(path)
                    .isEqualTo(page.select("meta[name=description]").attr("content"));
            assertThat(page.select("meta[property=og:site_name]").attr("content")).as(path).isEqualTo("Sourcewire");
            assertThat(page.select("meta[property=og:type]").attr("content")).as(path).isNotBlank();
        }
        Document profile = page(expert.publicPath());
        assertThat(profile.select("meta[property=og:type]").attr("content")).isEqualTo("profile");
        assertThat(profile.select("meta[property=og:title]").attr("content")).isEqualTo("Olga Graph — expert on Sourcewire");
        assertThat(profile.select("meta[name=description]").attr("content"))
                .isEqualTo("Olga Graph, Sleep physician, Riverside Clinic. I help people sleep through shift work.");
    }

    @Test
    void theCanonicalAddressComesFromTheConfiguredSiteNotTheRequest() {
        Document page = Jsoup.parse(body(mvc.get().uri("/login?error=bad&utm_source=x").header("Host", "evil.example")));
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/login");
    }

    private ProfileView expert(String name, boolean listed) {
        CurrentUser source = accounts.source(name, TestAccounts.uniqueEmail("seo"));
        ProfileView profile = sourceManagement.ensureProfile(accountManagement.find(source.id()).orElseThrow());
        jdbc.sql("update source_profile set title = 'Sleep physician', company = 'Riverside Clinic',"
                + " bio = 'I help people sleep through shift work.' where id = :id").param("id", profile.id()).update();
        listing.setListed(profile.id(), listed);
        return sourceManagement.findByAccount(source.id()).orElseThrow();
    }

    private Document page(String path) {
        return Jsoup.parse(body(mvc.get().uri(path)));
    }

    private static String body(MockMvcTester.MockMvcRequestBuilder request) {
        MvcTestResult result = request.exchange();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        try {
            return result.getResponse().getContentAsString();
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static org.w3c.dom.Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> texts(NodeList nodes) {
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
