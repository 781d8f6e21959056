package org.sourcewire.digests;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For a test class that runs digest editions: removes the editions each test ran (with their deliveries and items)
 * after it. An edition runs once per zone, local date and edition for the whole shared database, so one left behind
 * would send nothing to another class's sources of that zone and day.
 */
public class OwnDigestEditions implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OwnDigestEditions.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        long newest = jdbc(context).sql("select coalesce(max(id), 0) from digest_edition").query(Long.class).single();
        context.getStore(NAMESPACE).put("newest", newest);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        long newest = context.getStore(NAMESPACE).remove("newest", Long.class);
        JdbcClient jdbc = jdbc(context);
        jdbc.sql("delete from digest_delivery where edition_id > :newest").param("newest", newest).update();
        jdbc.sql("delete from digest_item where edition_id > :newest").param("newest", newest).update();
        jdbc.sql("delete from digest_edition where id > :newest").param("newest", newest).update();
    }

    private static JdbcClient jdbc(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(JdbcClient.class);
    }
}
