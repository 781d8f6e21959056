package org.sourcewire.directory;

import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.sourcewire.shared.SiteUrls;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriUtils;

/**
 * The sitemap (sitemaps.org 0.9) of listed experts' public pages, for search engines. Up to one file's worth it is a
 * plain list; beyond, {@code /sitemap.xml} is an index of {@code /sitemap.xml?page=n}, as the protocol caps a file
 * at 50,000 addresses. Written with the JDK's StAX writer, which escapes what it writes.
 */
@Controller
class SitemapController {

    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final JdbcClient jdbc;
    private final SiteUrls urls;
    private final DirectoryProperties properties;

    SitemapController(JdbcClient jdbc, SiteUrls urls, DirectoryProperties properties) {
        this.jdbc = jdbc;
        this.urls = urls;
        this.properties = properties;
    }

    private record Entry(String handle, Timestamp updatedAt) {
    }

    @GetMapping("/sitemap.xml")
    @ResponseBody
    @Transactional(readOnly = true)
    ResponseEntity<String> sitemap(@RequestParam(name = "page", required = false) String page) {
        int size = properties.sitemapPageSize();
        long listed = jdbc.sql("select count(*) from listed_expert").query(Long.class).single();
        long files = Math.max(1, (listed + size - 1) / size);
        if (page == null) {
            return xml(files == 1 ? urlset(0) : index(files));
        }
        long number;
        try {
            number = Long.parseLong(page.strip());
        }
        catch (NumberFormatException ex) {
            return ResponseEntity.notFound().build();
        }
        if (number < 1 || number > files) {
            return ResponseEntity.notFound().build();
        }
        return xml(urlset((number - 1) * size));
    }

    private String urlset(long offset) {
        List<Entry> entries = jdbc.sql("select handle, updated_at from listed_expert order by profile_id"
                        + " limit :size offset :offset")
                .param("size", properties.sitemapPageSize()).param("offset", offset).query(Entry.class).list();
        return write("urlset", xml -> {
            for (Entry entry : entries) {
                xml.writeStartElement("url");
                element(xml, "loc", urls.link("/experts/" + UriUtils.encodePathSegment(entry.handle(),
                        java.nio.charset.StandardCharsets.UTF_8)));
                element(xml, "lastmod", DateTimeFormatter.ISO_LOCAL_DATE.format(
                        entry.updatedAt().toInstant().atOffset(ZoneOffset.UTC)));
                xml.writeEndElement();
            }
        });
    }

    private String index(long files) {
        return write("sitemapindex", xml -> {
            for (long n = 1; n <= files; n++) {
                xml.writeStartElement("sitemap");
                element(xml, "loc", urls.link("/sitemap.xml", "page", String.valueOf(n)));
                xml.writeEndElement();
            }
        });
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String write(String root, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            xml.writeDefaultNamespace(NAMESPACE);
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException(ex);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** Crawlers may keep it an hour: a newly listed expert waits that long at most. */
    private static ResponseEntity<String> xml(String body) {
        return ResponseEntity.ok().contentType(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(body);
    }
}
