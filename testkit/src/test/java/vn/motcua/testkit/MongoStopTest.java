package vn.motcua.testkit;

import vn.motcua.infra.EmbeddedMongo;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoStopTest {

    @Test
    void aStoppedServerNoLongerAnswers() {
        EmbeddedMongo mongo = EmbeddedMongo.start();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.connectionString()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.readTimeout(2, TimeUnit.SECONDS))
                .build())) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            mongo.close();
            assertThatThrownBy(() -> client.getDatabase("admin").runCommand(new Document("ping", 1)));
        }
    }
}
