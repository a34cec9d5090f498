package vn.motcua.stats.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's MongoDB database. Started eagerly so that the client, and with it the readiness check, exists
 * from the first request.
 */
@Startup
@ApplicationScoped
public class StatsDatabase {

    private final MongoDatabase database;

    StatsDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        this.database = client.getDatabase(name);
    }

    public MongoDatabase get() {
        return database;
    }
}
