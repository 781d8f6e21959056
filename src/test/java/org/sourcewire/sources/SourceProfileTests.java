package org.sourcewire.sources;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class SourceProfileTests extends IntegrationTest {

    @Autowired
    SourceManagement sourceManagement;

    @Autowired
    ProfileHeadshots headshots;

    @Autowired
    JsonMapper json;

    @Autowired
    AccountManagement accountManagement;

    @Test
    void aSourceGetsAProfileOnFirstVisitAndSavesIt() {
        CurrentUser source = accounts.source();

        assertThat(mvc.get().uri("/profile").with(as(source))).hasStatusOk().bodyText()
                .contains("Your expert profile").contains("value=\"Sam Source\"");
        assertThat(mvc.get().uri("/profile").with(as(source))).hasStatusOk();
        assertThat(jdbc.sql("select count(*) from source_profile where account_id = :id").param("id", source.id())
                .query(Integer.class).single()).isEqualTo(1);

        assertThat(save(source, Map.of())).hasRedirectedUrl("/profile");
        ProfileView saved = sourceManagement.findByAccount(source.id()).orElseThrow();
        assertThat(saved.title()).isEqualTo("Sleep physician");
        assertThat(saved.company()).isEqualTo("Riverside Sleep Clinic");
        assertThat(saved.expertise()).containsExactly("sleep medicine", "shift work");
        assertThat(saved.links()).containsExactly("https://www.linkedin.com/in/sam", "https://talks.example/sam");
        assertThat(saved.timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aNewProfileStartsInTheBrowsersZoneWithTheZonesGroupedByRegion() throws Exception {
        CurrentUser source = accounts.source();

        Document page = Jsoup.parse(mvc.get().uri("/profile").with(as(source))
                .cookie(new jakarta.servlet.http.Cookie("tz", "Asia%2FTokyo")).exchange().getResponse().getContentAsString());

        assertThat(sourceManagement.findByAccount(source.id()).orElseThrow().timeZone()).isEqualTo("Asia/Tokyo");
        assertThat(page.select("select#timeZone optgroup").eachAttr("label")).contains("Asia", "Europe", "UTC");
        assertThat(page.select("select#timeZone option[selected]").eachAttr("value")).containsExactly("Asia/Tokyo");
        assertThat(page.select("select#timeZone option").eachAttr("value")).doesNotContain("Africa/Asmera");
        assertThat(page.select("label[for=timeZone]").text()).isEqualTo("Your time zone");
    }

    @Test
    void aZoneTheListLeavesOutStaysChosenAndSavedAsItWas() throws Exception {
        CurrentUser source = accounts.source();
        sourceManagement.ensureProfile(view(source));
        jdbc.sql("update source_profile set time_zone = 'Antarctica/Casey' where account_id = :id").param("id", source.id()).update();

        Document page = Jsoup.parse(mvc.get().uri("/profile").with(as(source)).exchange().getResponse().getContentAsString());
        assertThat(page.select("select#timeZone option[selected]").eachAttr("value")).containsExactly("Antarctica/Casey");
        assertThat(save(source, Map.of("timeZone", "Antarctica/Casey"))).hasRedirectedUrl("/profile");
        assertThat(sourceManagement.findByAccount(source.id()).orElseThrow().timeZone()).isEqualTo("Antarctica/Casey");
    }

    @Test
    void badProfileInputGetsFieldMessagesAndSavesNothing() {
        CurrentUser source = accounts.source();
        sourceManagement.ensureProfile(view(source));

        assertThat(save(source, Map.of("name", " "))).hasStatusOk().bodyText()
                .contains("Enter your name as journalists should cite it.");
        assertThat(save(source, Map.of("bio", "x".repeat(601)))).hasStatusOk().bodyText()
                .contains("Keep the bio to 600 characters.");
        assertThat(save(source, Map.of("website", "javascript:alert(1)"))).hasStatusOk().bodyText()
                .contains("Enter a full web address");
        assertThat(save(source, Map.of("links", "https://ok.example\nnot a link"))).hasStatusOk().bodyText()
                .contains("is not a full web address");
        assertThat(save(source, Map.of("timeZone", "Mars/Olympus"))).hasStatusOk().bodyText()
                .contains("Choose a time zone from the list.");
        assertThat(save(source, Map.of("expertise", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p"))).hasStatusOk().bodyText()
                .contains("List at most 15 areas of expertise.");
        assertThat(save(source, Map.of("title", "t".repeat(101)))).hasStatusOk().bodyText()
                .contains("Use at most 100 characters.");
        assertThat(sourceManagement.findByAccount(source.id()).orElseThrow().title()).isNull();
    }

    @Test
    void onlySourcesHaveProfilePages() {
        for (CurrentUser user : new CurrentUser[] { accounts.journalist(), accounts.admin() }) {
            assertThat(mvc.get().uri("/profile").with(as(user))).hasStatus(403);
            assertThat(mvc.post().uri("/profile").with(csrf()).with(as(user)).param("name", "X")).hasStatus(403);
            assertThat(mvc.get().uri("/profile/topics").with(as(user))).hasStatus(403);
            assertThat(mvc.post().uri("/profile/alerts").with(csrf()).with(as(user)).param("phrase", "x")).hasStatus(403);
        }
        assertThat(mvc.get().uri("/profile")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(mvc.post().uri("/profile").with(as(accounts.source())).param("name", "No token")).hasStatus(403);
    }

    @Test
    void aHeadshotIsCheckedByContentCroppedResizedAndReEncoded() throws Exception {
        CurrentUser source = accounts.source();
        ProfileView profile = sourceManagement.ensureProfile(view(source));

        assertThat(upload(source, "me.png", TestImages.png(900, 600))).hasRedirectedUrl("/profile");
        BufferedImage stored = storedHeadshot(profile.id());
        assertThat(stored.getWidth()).isEqualTo(400);
        assertThat(stored.getHeight()).isEqualTo(400);

        assertThat(upload(source, "me.webp", TestImages.WEBP_120)).hasRedirectedUrl("/profile");
        assertThat(storedHeadshot(profile.id()).getWidth()).isEqualTo(120);

        assertThat(upload(source, "me.jpg", TestImages.jpeg(300, 500))).hasRedirectedUrl("/profile");
        assertThat(jdbc.sql("select content_type from source_headshot where profile_id = :id").param("id", profile.id())
                .query(String.class).single()).isEqualTo("image/jpeg");
    }

    @Test
    void badHeadshotsGetAClearMessage() {
        CurrentUser source = accounts.source();
        ProfileView profile = sourceManagement.ensureProfile(view(source));

        assertThat(upload(source, "photo.jpg", "<html><script>alert(1)</script></html>".getBytes())).hasStatusOk()
                .bodyText().contains("This file is not a JPEG, PNG or WebP picture.");
        assertThat(upload(source, "photo.gif", new byte[] { 'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0 })).hasStatusOk()
                .bodyText().contains("This file is not a JPEG, PNG or WebP picture.");
        byte[] brokenJpeg = new byte[2000];
        brokenJpeg[0] = (byte) 0xFF;
        brokenJpeg[1] = (byte) 0xD8;
        brokenJpeg[2] = (byte) 0xFF;
        assertThat(upload(source, "broken.jpg", brokenJpeg)).hasStatusOk().bodyText().contains("could not be read");
        assertThat(upload(source, "tiny.png", TestImages.png(40, 40))).hasStatusOk().bodyText().contains("too small");
        byte[] huge = new byte[6 * 1024 * 1024];
        System.arraycopy(TestImages.png(200, 200), 0, huge, 0, 100);
        assertThat(upload(source, "huge.png", huge)).hasStatusOk().bodyText().contains("larger than 5 MB");
        assertThat(upload(source, "empty.png", new byte[0])).hasStatusOk().bodyText().contains("Choose a photo to upload.");
        assertThat(headshots.find(profile.id())).isEmpty();
    }

    @Test
    void theHeadshotFieldSaysHowSmallAPictureMayBeBeforeAnyUpload() throws Exception {
        CurrentUser source = accounts.source();

        Document page = Jsoup.parse(mvc.get().uri("/profile").with(as(source)).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(page.getElementById("headshot-help").text()).contains("at least 100 × 100 pixels");
    }

    @Test
    void withoutAHeadshotTheProfileShowsTheNamesInitialsNotTheTitles() throws Exception {
        CurrentUser source = accounts.source();
        sourceManagement.ensureProfile(view(source));
        save(source, Map.of("name", "Dr. Priya Nair"));
        ProfileView profile = sourceManagement.findByAccount(source.id()).orElseThrow();

        for (String path : new String[] { "/profile", profile.publicPath() }) {
            Document page = Jsoup.parse(mvc.get().uri(path).with(as(source)).exchange().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.select(".headshot-empty").text()).as(path).isEqualTo("PN");
        }
    }

    @Test
    void thePublicPageCarriesValidJsonLdAndNothingPrivate() throws Exception {
        CurrentUser source = accounts.source();
        ProfileView profile = sourceManagement.ensureProfile(view(source));
        save(source, Map.of("bio", "Sleep doctor. </script><script>alert('x')</script> & more"));
        upload(source, "me.png", TestImages.png(500, 500));
        ProfileView saved = sourceManagement.findByAccount(source.id()).orElseThrow();

        MvcTestResult page = mvc.get().uri(saved.publicPath()).exchange();
        assertThat(page).hasStatusOk();
        String html = page.getResponse().getContentAsString();
        assertThat(html).doesNotContain(source.email()).doesNotContain("Europe/Berlin")
                .doesNotContain("<script>alert");

        Document document = Jsoup.parse(html);
        assertThat(document.select("script[type=application/ld+json]")).hasSize(1);
        JsonNode person = json.readTree(document.select("script[type=application/ld+json]").first().data());
        assertThat(person.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(person.get("@type").asString()).isEqualTo("Person");
        assertThat(person.get("name").asString()).isEqualTo("Sam Source");
        assertThat(person.get("jobTitle").asString()).isEqualTo("Sleep physician");
        assertThat(person.get("worksFor").get("@type").asString()).isEqualTo("Organization");
        assertThat(person.get("worksFor").get("name").asString()).isEqualTo("Riverside Sleep Clinic");
        assertThat(person.get("knowsAbout").toString()).contains("sleep medicine", "shift work");
        assertThat(person.get("areaServed").asString()).isEqualTo("United States");
        // The website is a claim until proven (WebsiteProofTests): only the expert's own links stand for them here.
        assertThat(person.get("sameAs").toString()).contains("https://www.linkedin.com/in/sam")
                .doesNotContain("https://sam.example");
        assertThat(person.get("url").asString()).isEqualTo("http://localhost:8080" + profile.publicPath());
        assertThat(person.get("image").asString()).startsWith("http://localhost:8080" + profile.publicPath() + "/headshot");
        assertThat(person.get("description").asString()).contains("</script><script>alert('x')</script> & more");
        assertThat(person.toString()).doesNotContain(source.email());

        assertThat(mvc.get().uri(profile.publicPath() + "/headshot").exchange()).hasStatusOk()
                .hasContentType("image/jpeg");
    }

    @Test
    void unknownExpertsAndMissingHeadshotsAre404() {
        CurrentUser source = accounts.source();
        ProfileView profile = sourceManagement.ensureProfile(view(source));

        assertThat(mvc.get().uri("/experts/nobody-here").exchange()).hasStatus(404);
        assertThat(mvc.get().uri(profile.publicPath() + "/headshot").exchange()).hasStatus(404);
        assertThat(mvc.get().uri(profile.publicPath()).exchange()).hasStatusOk().bodyText()
                .contains("This expert has not written a bio yet.");
    }

    @Test
    void handlesAreReadableAndUnique() {
        assertThat(SourceManagement.newHandle("Dr. Priya Nair")).matches("dr-priya-nair-[a-z2-9]{6}");
        assertThat(SourceManagement.newHandle("Zoë Ångström")).matches("zoe-angstrom-[a-z2-9]{6}");
        assertThat(SourceManagement.newHandle("李")).matches("expert-[a-z2-9]{6}");
        assertThat(SourceManagement.newHandle("Ann")).isNotEqualTo(SourceManagement.newHandle("Ann"));
    }

    private AccountView view(CurrentUser user) {
        return accountManagement.find(user.id()).orElseThrow();
    }

    private MvcTestResult save(CurrentUser source, Map<String, String> overrides) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("name", "Sam Source");
        fields.put("title", "Sleep physician");
        fields.put("company", "Riverside Sleep Clinic");
        fields.put("bio", "I treat shift workers' sleep problems.");
        fields.put("website", "https://sam.example");
        fields.put("region", "United States");
        fields.put("timeZone", "Europe/Berlin");
        fields.put("expertise", "sleep medicine, shift work,  ");
        fields.put("links", "https://www.linkedin.com/in/sam\n\nhttps://talks.example/sam");
        fields.putAll(overrides);
        var post = mvc.post().uri("/profile").with(csrf()).with(as(source));
        fields.forEach(post::param);
        return post.exchange();
    }

    private MvcTestResult upload(CurrentUser source, String name, byte[] bytes) {
        return mvc.post().uri("/profile/headshot").multipart()
                .file(new MockMultipartFile("headshot", name, "image/png", bytes)).with(csrf()).with(as(source)).exchange();
    }

    private BufferedImage storedHeadshot(long profileId) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(headshots.find(profileId).orElseThrow().image()));
    }
}
