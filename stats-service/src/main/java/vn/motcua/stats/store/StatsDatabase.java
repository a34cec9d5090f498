package vn.motcua.stats.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.motcua.stats.domain.GenerationState;

/**
 * The service's MongoDB database (generation 0, which also holds the {@link GenerationControl} document), and the
 * databases of later generations, {@code <name>-g<n>}. Started eagerly so that the client, and with it the
 * readiness check, exists from the first request.
 */
@Startup
@ApplicationScoped
public class StatsDatabase {

    private final MongoClient client;
    private final String name;
    private final MongoDatabase database;

    StatsDatabase(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        this.client = client;
        this.name = name;
        this.database = client.getDatabase(name);
    }

    public MongoDatabase get() {
        return database;
    }

    /** The database of generation {@code n}: {@link #get()} for 0. */
    public MongoDatabase generation(long n) {
        return n == 0 ? database : client.getDatabase(databaseName(n));
    }

    public String databaseName(long n) {
        return name + GenerationState.suffix(n);
    }
}
